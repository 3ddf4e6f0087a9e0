package dev.dozor.rules.regulation.spd003;

import dev.dozor.events.ZoneRecord;
import dev.dozor.rules.engine.Episode;
import dev.dozor.rules.engine.RunningTally;
import dev.dozor.rules.engine.VehiclePoint;
import dev.dozor.rules.regulation.RegulationParameters;
import org.kie.api.definition.type.ClassReactive;

/**
 * SPD-003's measure of one vehicle's spreading run, chunk by chunk: the distance-weighted mean
 * {@code spreadRateGm2} of each {@code chunkM} metres spread, and whether the chunk lies in a yard
 * (yard norm) or not (road norm).
 *
 * <p>A spreading fix adds the metres driven since the previous fix, weighted by its rate, when that
 * previous fix was spreading too. When a chunk reaches {@code chunkM} it is done (the rules judge
 * it) and the next one starts at that fix. The run breaks, dropping the unfinished chunk, when no
 * spreading fix came for longer than {@code maxPauseS} (spreader off or no data) or when the fix
 * moves between yard and road, since the norms differ.
 *
 * <p>A running tally: a rule starts it with its first spreading fix, and the session hands it each
 * later valid fix before the rules see the fix ({@link #take}), so the rules judge the chunk done
 * or the run broken at this fix; a rule drops it after a long pause.
 *
 * <p>Bound: constant size (running sums and the first fixes of the current and the last chunk).
 */
@ClassReactive
public final class SpreadChunk implements RunningTally {
  private static final long serialVersionUID = 1L;

  public static final String REGULATION_ID = "SPD-003";
  private static final long NONE = Long.MIN_VALUE;

  private final String vehicleId;
  private final double chunkM;
  private final long maxPauseMs;

  // the chunk being measured
  private VehiclePoint first;
  private boolean inYard;
  private double metres;
  private double rateMetres;
  private long lastSpreadFixMs = NONE;
  private long lastFixTimeMs = NONE;

  // what happened at the latest fix
  private long runBrokenAtMs = NONE;
  private long chunkDoneAtMs = NONE;
  private VehiclePoint doneFirst;
  private VehiclePoint doneLast;
  private boolean doneInYard;
  private double doneMetres;
  private double doneRateGm2;

  /** Starts a run at its first spreading fix. */
  public SpreadChunk(VehiclePoint first, boolean inYard, RegulationParameters par) {
    this.vehicleId = first.getVehicleId();
    this.chunkM = par.value("chunkM");
    this.maxPauseMs = par.millis("maxPauseS");
    restart(first, inYard);
  }

  /**
   * Whether the fix can be measured: spreader on and a rate reported (the DRL's {@code spreading}).
   */
  public static boolean spreading(VehiclePoint p) {
    return p.isSpreaderOn() && p.getSpreadRateGm2() != null;
  }

  /** Whether the fix lies in a yard (yard norm; the DRL's {@code inYard}). */
  public static boolean inYard(VehiclePoint p) {
    return p.inZoneOfKind(ZoneRecord.YARD);
  }

  /**
   * Whether the vehicle's chunk broke its run at this fix (the chunk took the fix before the rules
   * saw it), so the rule ending the episode on a broken run can match. A condition on the point
   * that spares the rest the join; a chunk started on this fix has broken no run.
   */
  public static boolean mayEndRun(VehiclePoint p) {
    long fix = p.getFixTimeMs();
    return p.holdsAny(SpreadChunk.class, c -> c.runBrokenAtMs == fix);
  }

  /**
   * Whether the vehicle's chunk finished a chunk at this fix, so the rules judging a done chunk can
   * match. A condition on the point that spares the rest the join; a chunk started on this fix has
   * none done.
   */
  public static boolean mayJudgeChunk(VehiclePoint p) {
    long fix = p.getFixTimeMs();
    return p.holdsAny(SpreadChunk.class, c -> c.chunkDoneAtMs == fix);
  }

  @Override
  public Phase phase() {
    // the rules judge the chunk done, or the run broken, at this fix
    return Phase.BEFORE_RULES;
  }

  /**
   * Adds a later spreading fix (what the rule "add a spreading fix to the chunk" did); other fixes
   * are left to the rule that stops measuring after a long pause.
   *
   * @return whether a rule judging the chunk can match at this fix, so the engine must see the
   *     chunk as it is now: a chunk was done or the run broke at this fix (the times those rules
   *     join on, each behind a condition on the point that asks the same: {@link #mayJudgeChunk},
   *     {@link #mayEndRun}), or the vehicle holds an SPD-003 episode. The other rules read only the
   *     chunk's vehicle, and its pause as the fix asks. Telling the engine of every spreading fix
   *     cost an update of the fact, and another pass of the rules, on a twelfth of the fixes.
   */
  @Override
  public boolean take(VehiclePoint point, long eventNowMs) {
    if (!spreading(point) || point.getFixTimeMs() <= lastFixTimeMs) {
      return false;
    }
    add(point, inYard(point));
    long t = point.getFixTimeMs();
    return chunkDoneAtMs == t || runBrokenAtMs == t || point.holdsEpisodeOf(REGULATION_ID);
  }

  /** The next spreading fix (spreader on, rate reported); {@code inYard}: it lies in a yard. */
  public void add(VehiclePoint p, boolean inYard) {
    long t = p.getFixTimeMs();
    if (t - lastSpreadFixMs > maxPauseMs || inYard != this.inYard) {
      runBrokenAtMs = t;
      restart(p, inYard);
      return;
    }
    boolean previousWasSpreading = p.getGapMs() == t - lastSpreadFixMs;
    double m = previousWasSpreading ? p.getDistanceM() : 0;
    metres += m;
    rateMetres += m * p.getSpreadRateGm2();
    lastSpreadFixMs = t;
    lastFixTimeMs = t;
    if (metres >= chunkM) {
      chunkDoneAtMs = t;
      doneFirst = first;
      doneLast = p;
      doneInYard = this.inYard;
      doneMetres = metres;
      doneRateGm2 = rateMetres / metres;
      restart(p, inYard);
    }
  }

  private void restart(VehiclePoint p, boolean yard) {
    first = p;
    inYard = yard;
    metres = 0;
    rateMetres = 0;
    lastSpreadFixMs = p.getFixTimeMs();
    lastFixTimeMs = p.getFixTimeMs();
  }

  /** Whether the run is over at this time: no spreading fix for longer than {@code maxPauseS}. */
  public boolean pausedTooLongAt(long epochMs) {
    return epochMs - lastSpreadFixMs > maxPauseMs;
  }

  /**
   * Adds the chunk done at the latest fix to an episode: chunks, metres, the distance-weighted mean
   * rate, the lowest and highest chunk rate, and the chunk's first and last fix as evidence.
   */
  public void recordDoneChunkInto(Episode e) {
    double before = e.measurement("spreadM");
    double mean = (e.measurement("meanRateGm2") * before + doneRateGm2 * doneMetres);
    e.measure("meanRateGm2", mean / (before + doneMetres));
    e.add("spreadM", doneMetres);
    e.add("chunks", 1);
    e.max("maxChunkRateGm2", doneRateGm2);
    e.measure(
        "minChunkRateGm2",
        before == 0 ? doneRateGm2 : Math.min(e.measurement("minChunkRateGm2"), doneRateGm2));
    e.addEvidence(doneFirst);
    e.addEvidence(doneLast);
  }

  /** Fix time of the latest fix observed. */
  public long getLastFixTimeMs() {
    return lastFixTimeMs;
  }

  /** Fix time at which the run last broke (a long pause or yard/road change), or MIN_VALUE. */
  public long getRunBrokenAtMs() {
    return runBrokenAtMs;
  }

  /** Fix time at which the latest chunk was done, or MIN_VALUE. */
  public long getChunkDoneAtMs() {
    return chunkDoneAtMs;
  }

  /** First fix time of the chunk done at {@link #getChunkDoneAtMs}. */
  public long getDoneChunkStartMs() {
    return doneFirst == null ? NONE : doneFirst.getFixTimeMs();
  }

  /** Distance-weighted mean rate of the chunk done, g/m². */
  public double getDoneRateGm2() {
    return doneRateGm2;
  }

  /** Whether the chunk done lay in a yard (yard norm). */
  public boolean isDoneInYard() {
    return doneInYard;
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
    return "SpreadChunk["
        + vehicleId
        + " "
        + Math.round(metres)
        + " m"
        + (inYard ? " yard" : "")
        + "]";
  }
}
