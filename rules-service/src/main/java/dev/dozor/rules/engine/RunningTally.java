package dev.dozor.rules.engine;

/**
 * A state fact that takes in every valid fix of its vehicle itself: a running tally (a watch's last
 * fix, a period's distance, a sensor's toggles). The partition session hands it each valid point of
 * its vehicle, once, instead of a rule joining every point with it: a rule per fix and tally cost a
 * join, an activation and a firing on every fix of every vehicle (docs/regulations.md, "Running
 * tallies"). What the tally concludes is still decided by the regulation's rules, which read it as
 * a fact.
 */
public interface RunningTally extends VehicleState {
  /** When the session hands a tally the point, relative to the rules that see the same point. */
  enum Phase {
    /** Before the point enters the session: the rules see the point already counted. */
    BEFORE_RULES,
    /** After the rules fired on the point, while it is still in the session. */
    AFTER_RULES
  }

  /**
   * When this kind of tally takes a point in: the same for every instance of a kind, read once when
   * the session counts the tally.
   */
  Phase phase();

  /**
   * Takes in a valid fix of the vehicle, if it belongs to the tally (its own conditions: newer than
   * the last fix taken, inside its shift or period, not over). Called once per valid fix, in
   * fix-time order.
   *
   * @param eventNowMs the partition's event clock
   * @return whether a value some rule's condition reads changed: the session then tells the engine
   *     ({@code update}), so those rules look at the fact again
   */
  boolean take(VehiclePoint point, long eventNowMs);
}
