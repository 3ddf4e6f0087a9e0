package dev.dozor.rules.regulation.spd002;

import dev.dozor.rules.engine.RunningTally;
import dev.dozor.rules.engine.VehiclePoint;
import dev.dozor.rules.regulation.RegulationParameters;
import java.util.ArrayDeque;
import org.kie.api.definition.type.ClassReactive;

/**
 * SPD-002's sliding window of one vehicle: the brush-on fixes of the last {@code windowS} seconds
 * of an uninterrupted brush-on run, and their mean speed.
 *
 * <p>The run restarts when the silence before a fix is longer than {@code maxGapS}; the rules drop
 * the window when the brush goes off. The mean counts only once the run has lasted at least {@code
 * windowS}, so two minutes of data back the judgement.
 *
 * <p>A running tally: the session hands it each later valid fix of its vehicle before the rules see
 * the fix ({@link #take}), so the episode rules judge the window with the fix in it; a rule only
 * opens it (with its first fix) and drops it.
 *
 * <p>Bound: fixes are kept per whole second of fix time (fixes within one second share an entry),
 * so the window holds at most {@code windowS + 1} entries whatever the reporting rate.
 */
@ClassReactive
public final class BrushWindow implements RunningTally {
  private static final long serialVersionUID = 1L;

  public static final String REGULATION_ID = "SPD-002";

  private final String vehicleId;
  private final long windowMs;
  private final long maxGapMs;
  private final ArrayDeque<Second> seconds = new ArrayDeque<>();
  private long runStartMs;
  private long lastFixTimeMs = Long.MIN_VALUE;
  // the mean since the last fix added: the point's condition and the rules ask for it several
  // times a fix, and each second's entry is rarely in the processor's caches (false: not summed
  // yet, as after a restore)
  private transient boolean meanKnown;
  private transient double mean;

  /** One whole second of fix time: the sum and count of the speeds of its fixes. */
  private static final class Second implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    final long secondMs;
    double speedSumKmh;
    int fixes;

    Second(long secondMs) {
      this.secondMs = secondMs;
    }
  }

  /** A window starting with its first brush-on fix. */
  public BrushWindow(VehiclePoint first, RegulationParameters par) {
    this.vehicleId = first.getVehicleId();
    this.windowMs = par.millis("windowS");
    this.maxGapMs = par.millis("maxGapS");
    add(first);
  }

  /**
   * Whether the rule starting an episode can match at this fix: the vehicle's window took the fix
   * (before the rules saw it), has run for {@code windowS} and its mean is above the limit; or the
   * vehicle holds no window yet, as one opened on this fix is full at once when {@code windowS} is
   * 0. A condition on the point that spares the rest the join.
   */
  public static boolean mayStart(VehiclePoint p) {
    if (p.holdsNoState(BrushWindow.class)) {
      return true;
    }
    long fix = p.getFixTimeMs();
    double limit = p.par(REGULATION_ID).value("speedLimitKmh");
    return p.holdsAny(
        BrushWindow.class,
        w -> w.lastFixTimeMs == fix && w.isFull() && w.getMeanSpeedKmh() > limit);
  }

  @Override
  public Phase phase() {
    // the episode rules judge the mean including this fix
    return Phase.BEFORE_RULES;
  }

  /**
   * Adds a later brush-on fix (what the rule "add a brush-on fix to the window" did); a fix with
   * the brush off is left to the rule that drops the window.
   *
   * @return whether a rule judging the window can match at this fix, so the engine must see the
   *     window as it is now: the window is full with its mean above the limit (an episode may start
   *     or go on), or the vehicle holds an SPD-002 episode (it may go on or end). Only those rules
   *     read the window's last fix time, fullness and mean, each behind a condition on the point
   *     that asks the same ({@link #mayStart}, {@code holdsEpisodeOf}); the rule that drops the
   *     window reads only its vehicle. Telling the engine of every brush-on fix cost an update of
   *     the fact, and another pass of the rules, on a sixth of the fixes.
   */
  @Override
  public boolean take(VehiclePoint point, long eventNowMs) {
    if (!point.isBrushOn() || point.getFixTimeMs() <= lastFixTimeMs) {
      return false;
    }
    add(point);
    return point.holdsEpisodeOf(REGULATION_ID)
        || isFull() && getMeanSpeedKmh() > point.par(REGULATION_ID).value("speedLimitKmh");
  }

  /** Adds the next brush-on fix; a silence longer than {@code maxGapS} restarts the run. */
  public void add(VehiclePoint p) {
    long t = p.getFixTimeMs();
    if (lastFixTimeMs != Long.MIN_VALUE && t - lastFixTimeMs > maxGapMs) {
      seconds.clear();
      lastFixTimeMs = Long.MIN_VALUE;
    }
    if (lastFixTimeMs == Long.MIN_VALUE) {
      runStartMs = t;
    }
    long secondMs = Math.floorDiv(t, 1000) * 1000;
    Second last = seconds.peekLast();
    if (last == null || last.secondMs != secondMs) {
      last = new Second(secondMs);
      seconds.addLast(last);
    }
    last.speedSumKmh += p.getSpeedKmh();
    last.fixes++;
    lastFixTimeMs = t;
    meanKnown = false;
    // keep the fixes of [t - windowS, t]
    while (seconds.peekFirst().secondMs < t - windowMs) {
      seconds.removeFirst();
    }
  }

  /** Whether the brush-on run has lasted at least {@code windowS}, so the mean may be judged. */
  public boolean isFull() {
    return lastFixTimeMs - runStartMs >= windowMs;
  }

  /** Mean speed of the brush-on fixes in the window, km/h. */
  public double getMeanSpeedKmh() {
    if (!meanKnown) {
      mean = sumMeanSpeedKmh();
      meanKnown = true;
    }
    return mean;
  }

  private double sumMeanSpeedKmh() {
    // summed afresh (at most windowS + 1 entries) so no rounding drift accumulates
    double sum = 0;
    int fixes = 0;
    for (Second s : seconds) {
      sum += s.speedSumKmh;
      fixes += s.fixes;
    }
    return fixes == 0 ? 0 : sum / fixes;
  }

  /** The fix time of the latest fix added (the rules judge the window after adding a fix). */
  public long getLastFixTimeMs() {
    return lastFixTimeMs;
  }

  /** Entries held (whole seconds with fixes): the state bound. */
  public int size() {
    return seconds.size();
  }

  @Override
  public String getVehicleId() {
    return vehicleId;
  }

  @Override
  public String getRegulationId() {
    return REGULATION_ID;
  }

  @Override
  public String toString() {
    return "BrushWindow["
        + vehicleId
        + " "
        + seconds.size()
        + " s, mean "
        + getMeanSpeedKmh()
        + "]";
  }
}
