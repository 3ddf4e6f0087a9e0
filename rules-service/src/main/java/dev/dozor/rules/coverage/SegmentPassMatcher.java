package dev.dozor.rules.coverage;

import dev.dozor.events.Equipment;
import dev.dozor.events.SchemaVersions;
import dev.dozor.events.SegmentPass;
import dev.dozor.events.TelemetryPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Derives segment passes from working telemetry points: the one place where "a vehicle worked road
 * segment S from t1 to t2 with equipment E" is decided, free of I/O. rules-service runs one per
 * telemetry partition on the valid fixes the rule engine processes; the passes go to {@code
 * dozor.coverage.v1} and, as facts, to the deadline regulations.
 *
 * <p>Per vehicle, points are taken in fix-time order. A point is <i>working</i> when plough, brush
 * or spreader is on; its equipment is those channels joined by {@code +}. Between two consecutive
 * working points with the same equipment, no further apart than the gap limit, the straight chord
 * is sampled every {@code sampleStepM} metres, so a fix every 10 s (80 m at 30 km/h) still covers
 * the block it drove. Each point or sample is matched to the nearest segment within the tolerance.
 * A pass ends when the vehicle leaves the segment, the equipment changes, or the gap between two
 * fixes exceeds the limit. Its covered fraction is the part of the segment between the smallest and
 * largest projection of its points; passes below {@code minCoveredFraction} are not emitted (a
 * plough crossing a street covers a road-width sliver of it, not the street).
 *
 * <p>A pass is emitted when it first reaches {@code minCoveredFraction} (its {@code endedAt} is
 * then the fix time the segment counted as passed: deadline rules compare it with their deadline),
 * when it ends, at processing-time checkpoints while it grows, and when the vehicle goes quiet. Its
 * id depends only on segment, vehicle and start, so the store keeps one row with the latest end and
 * the largest fraction.
 *
 * <p>Batches and late data: the state of each vehicle carries over between calls, so the same
 * fix-ordered stream cut into any batches gives the same passes. Points older than the vehicle's
 * newest processed fix (a tracker uploading its black box while, or after, sending live) go to a
 * second, backfill lane with its own state, so an in-order black box gives the passes it would have
 * given live, whatever the batch split.
 *
 * <p>Memory is bounded: a vehicle silent (in processing time) for longer than the gap limit has its
 * open passes emitted, and one silent for {@code vehicleIdle} is forgotten. Not thread-safe.
 */
public final class SegmentPassMatcher {
  /** A chord is never cut into more samples than this (guards against position jumps). */
  private static final int MAX_SAMPLES_PER_CHORD = 1_000;

  /** Fix times remembered per vehicle to recognise re-sent points (a few minutes at 1 Hz). */
  private static final int RECENT_FIXES = 256;

  private final Settings settings;
  // a hash map: every point looks its vehicle up; the sweeps that emit passes go in id order
  private final Map<String, VehicleState> vehicles = new HashMap<>();
  private RoadNetwork network;

  public SegmentPassMatcher(RoadNetwork network, Settings settings) {
    this.network = network;
    this.settings = settings;
  }

  /**
   * Tunables of the matching.
   *
   * @param toleranceM a point matches a segment at this distance or less (metres)
   * @param maxGap two fixes further apart than this end the pass
   * @param minCoveredFraction passes covering less of their segment are not emitted
   * @param sampleStepM spacing of the samples on the chord between two fixes (metres)
   * @param switchMarginM the current segment is kept unless another is nearer by more than this
   * @param checkpointEvery an open pass is emitted at most this often while it grows
   * @param vehicleIdle the state of a vehicle silent (processing time) this long is dropped
   * @param source the {@code source} of the emitted passes
   */
  public record Settings(
      double toleranceM,
      Duration maxGap,
      double minCoveredFraction,
      double sampleStepM,
      double switchMarginM,
      Duration checkpointEvery,
      Duration vehicleIdle,
      String source) {}

  /**
   * Replaces the road network (the registry's segments changed); open passes keep their segment.
   */
  public void network(RoadNetwork network) {
    this.network = network;
  }

  /**
   * The per-vehicle matching state (a partition checkpoint carries it), as an opaque serializable
   * value.
   */
  public java.io.Serializable exportState() {
    return new TreeMap<>(vehicles);
  }

  /** Takes over the state of {@link #exportState()} (written by another instance). */
  @SuppressWarnings("unchecked")
  public void importState(java.io.Serializable state) {
    dropAll();
    vehicles.putAll((Map<String, VehicleState>) state);
    // held from now on (an in-memory export of this matcher was dropped just above)
    vehicles.values().forEach(v -> v.dropped = false);
  }

  public RoadNetwork network() {
    return network;
  }

  public Settings settings() {
    return settings;
  }

  /** Vehicles with state held (bounded by {@link Settings#vehicleIdle}). */
  public int trackedVehicles() {
    return vehicles.size();
  }

  /**
   * Takes a batch of points of any vehicles, in any order, received at {@code now} (processing
   * time); returns the passes closed by them, and open passes due for a checkpoint.
   */
  public List<SegmentPass> accept(Collection<TelemetryPoint> points, Instant now) {
    Map<String, List<TelemetryPoint>> byVehicle = new TreeMap<>();
    for (TelemetryPoint p : points) {
      byVehicle.computeIfAbsent(p.vehicleId(), v -> new ArrayList<>()).add(p);
    }
    List<SegmentPass> out = new ArrayList<>();
    byVehicle.forEach(
        (vehicle, list) -> {
          list.sort(Comparator.comparing(TelemetryPoint::fixTime));
          for (TelemetryPoint p : list) {
            accept(p, now, out);
          }
          endOfBatch(vehicle, now, out);
        });
    return out;
  }

  /**
   * Takes one point of a vehicle received at {@code now} (processing time). Callers feed each
   * vehicle's points of a batch in fix-time order, then call {@link #endOfBatch}.
   */
  public void accept(TelemetryPoint p, Instant now, List<SegmentPass> out) {
    accept(vehicle(p.vehicleId(), null), p, now, out);
  }

  /**
   * The matching state of a vehicle, for a caller that keeps it between points: {@code had} while
   * the matcher still holds it, else the one it holds now (made if none).
   */
  public VehicleState vehicle(String vehicleId, VehicleState had) {
    if (had != null && !had.dropped) {
      return had;
    }
    return vehicles.computeIfAbsent(vehicleId, VehicleState::new);
  }

  /**
   * {@link #accept(TelemetryPoint, Instant, List)} on the vehicle's state from {@link #vehicle}.
   */
  public void accept(VehicleState state, TelemetryPoint p, Instant now, List<SegmentPass> out) {
    state.lastSeen = now;
    route(state, p, out);
  }

  /** Emits the vehicle's open passes that are due for a checkpoint after a batch. */
  public void endOfBatch(String vehicleId, Instant now, List<SegmentPass> out) {
    endOfBatch(vehicleId, null, now, out);
  }

  /**
   * {@link #endOfBatch(String, Instant, List)} on {@code had}, a state from {@link #vehicle}, while
   * the matcher still holds it (else on the one it holds now, if any).
   */
  public void endOfBatch(String vehicleId, VehicleState had, Instant now, List<SegmentPass> out) {
    VehicleState state = had != null && !had.dropped ? had : vehicles.get(vehicleId);
    if (state != null) {
      state.lastSeen = now;
      checkpoint(state, now, out);
    }
  }

  /**
   * Emits the open passes of vehicles silent for longer than the gap limit (their state is kept, so
   * a continuation extends the same pass) and forgets vehicles silent for {@code vehicleIdle}.
   */
  public List<SegmentPass> closeIdle(Instant now) {
    List<SegmentPass> out = new ArrayList<>();
    for (String vehicleId : inIdOrder()) {
      VehicleState state = vehicles.get(vehicleId);
      Duration silent = Duration.between(state.lastSeen, now);
      if (silent.compareTo(settings.vehicleIdle()) > 0) {
        close(state, state.live, out);
        if (state.backfill != null) {
          close(state, state.backfill, out);
        }
        vehicles.remove(vehicleId).dropped = true;
      } else if (silent.compareTo(settings.maxGap()) > 0) {
        emitIfDue(state, state.live.open, out);
        if (state.backfill != null) {
          emitIfDue(state, state.backfill.open, out);
        }
      }
    }
    return out;
  }

  /** Closes the open passes of one vehicle and forgets it (its rule state is being dropped). */
  public void forget(String vehicleId, List<SegmentPass> out) {
    VehicleState state = vehicles.remove(vehicleId);
    if (state != null) {
      state.dropped = true;
      close(state, state.live, out);
      if (state.backfill != null) {
        close(state, state.backfill, out);
      }
    }
  }

  /** Closes every open pass and forgets all state (shutdown, tests). */
  public List<SegmentPass> flush() {
    List<SegmentPass> out = new ArrayList<>();
    for (String vehicleId : inIdOrder()) {
      VehicleState state = vehicles.get(vehicleId);
      close(state, state.live, out);
      if (state.backfill != null) {
        close(state, state.backfill, out);
      }
    }
    dropAll();
    return out;
  }

  private void dropAll() {
    vehicles.values().forEach(v -> v.dropped = true);
    vehicles.clear();
  }

  private List<String> inIdOrder() {
    List<String> ids = new ArrayList<>(vehicles.keySet());
    Collections.sort(ids);
    return ids;
  }

  // by working channels (plough 1, brush 2, spreader 4): one instance each, not a new string a
  // point
  private static final String[] EQUIPMENT = {
    null,
    "plough",
    "brush",
    "plough+brush",
    "spreader",
    "plough+spreader",
    "brush+spreader",
    "plough+brush+spreader"
  };

  /** The equipment string of a point: working channels joined by '+', or null when none works. */
  public static String equipment(Equipment e) {
    if (e == null) {
      return null;
    }
    return EQUIPMENT[
        (e.isPloughDown() ? 1 : 0) | (e.isBrushOn() ? 2 : 0) | (e.isSpreaderOn() ? 4 : 0)];
  }

  private void route(VehicleState state, TelemetryPoint p, List<SegmentPass> out) {
    long t = p.fixTime().toEpochMilli();
    if (state.recent.contains(t)) {
      return; // the same fix again (re-sent by the device or re-delivered)
    }
    state.recent.add(t);
    Sample s = new Sample(p.lat(), p.lon(), t, equipment(p.equipment()));
    Lane live = state.live;
    if (live.last == null || t > live.last.t) {
      feed(state, live, s, out);
      return;
    }
    // older than the newest processed fix: a black box being uploaded
    if (state.backfill == null || t <= state.backfill.last.t) {
      if (state.backfill != null) {
        close(state, state.backfill, out);
      }
      state.backfill = new Lane();
    }
    feed(state, state.backfill, s, out);
  }

  private void feed(VehicleState state, Lane lane, Sample s, List<SegmentPass> out) {
    Sample last = lane.last;
    if (last != null) {
      long dt = s.t - last.t;
      if (dt > settings.maxGap().toMillis()) {
        close(state, lane, out);
      } else if (s.equipment != null && s.equipment.equals(last.equipment)) {
        densify(state, lane, last, s, out);
      }
    }
    step(state, lane, s, out);
    lane.last = s;
  }

  /** Samples the chord between two fixes (both excluded) every {@code sampleStepM} metres. */
  private void densify(VehicleState state, Lane lane, Sample a, Sample b, List<SegmentPass> out) {
    if (network.isEmpty()) {
      return;
    }
    double length = network.distanceM(a.lat, a.lon, b.lat, b.lon);
    int n = (int) Math.ceil(length / settings.sampleStepM());
    if (n < 2 || n > MAX_SAMPLES_PER_CHORD) {
      return;
    }
    long dt = b.t - a.t;
    for (int k = 1; k < n; k++) {
      double f = (double) k / n;
      long t = a.t + (long) Math.floor(dt * f);
      if (t <= a.t || t >= b.t) {
        continue; // fixes a few ms apart: no room for samples in time
      }
      step(
          state,
          lane,
          new Sample(a.lat + (b.lat - a.lat) * f, a.lon + (b.lon - a.lon) * f, t, b.equipment),
          out);
    }
  }

  private void step(VehicleState state, Lane lane, Sample s, List<SegmentPass> out) {
    if (s.equipment == null) {
      close(state, lane, out);
      return;
    }
    OpenPass open = lane.open;
    RoadNetwork.Match m =
        network.nearest(
            s.lat, s.lon, open == null ? null : open.segmentId, settings.switchMarginM());
    if (m == null) {
      close(state, lane, out);
      return;
    }
    if (open != null
        && RoadNetwork.sameId(open.segmentId, m.segmentId())
        && open.equipment.equals(s.equipment)) {
      open.extend(m.alongM(), s.t);
      if (!open.counted && open.fraction() >= settings.minCoveredFraction()) {
        // the segment counts as passed from this fix time on: publish it now, in event time
        open.counted = emitIfDue(state, open, out);
      }
      return;
    }
    close(state, lane, out);
    lane.open = new OpenPass(m, s);
  }

  private void close(VehicleState state, Lane lane, List<SegmentPass> out) {
    if (lane.open != null) {
      emitIfDue(state, lane.open, out);
      lane.open = null;
    }
  }

  /** Emits open passes that grew and were last emitted (or opened) a checkpoint interval ago. */
  private void checkpoint(VehicleState state, Instant now, List<SegmentPass> out) {
    for (Lane lane : state.lanes()) {
      OpenPass open = lane.open;
      if (open == null) {
        continue;
      }
      if (open.firstSeen == null) {
        open.firstSeen = now;
      }
      Instant since = open.lastEmitted != null ? open.lastEmitted : open.firstSeen;
      if (atLeastApart(since, now, settings.checkpointEvery()) && emitIfDue(state, open, out)) {
        open.lastEmitted = now;
      }
    }
  }

  /**
   * {@code Duration.between(from, to).compareTo(d) >= 0} without the Duration (every vehicle of
   * every batch asks): whole seconds first, then nanoseconds.
   */
  static boolean atLeastApart(Instant from, Instant to, Duration d) {
    long seconds = Math.subtractExact(to.getEpochSecond(), from.getEpochSecond());
    long nanos = (long) to.getNano() - from.getNano();
    if (nanos < 0) {
      seconds--;
      nanos += 1_000_000_000L;
    }
    return seconds > d.getSeconds() || (seconds == d.getSeconds() && nanos >= d.getNano());
  }

  /** Emits the pass if it changed since last emitted and covers enough; true when emitted. */
  private boolean emitIfDue(VehicleState state, OpenPass open, List<SegmentPass> out) {
    if (open == null || !open.dirty || open.fraction() < settings.minCoveredFraction()) {
      return false;
    }
    if (open.passId == null) {
      open.passId =
          SegmentPass.passId(open.segmentId, state.vehicleId, Instant.ofEpochMilli(open.start));
    }
    out.add(
        new SegmentPass(
            SchemaVersions.SEGMENT_PASS,
            open.passId,
            open.segmentId,
            state.vehicleId,
            Instant.ofEpochMilli(open.start),
            Instant.ofEpochMilli(open.end),
            open.equipment,
            open.fraction(),
            settings.source()));
    open.dirty = false;
    open.counted = true;
    return true;
  }

  /** A fix or a sample on the chord between two fixes. */
  private record Sample(double lat, double lon, long t, String equipment)
      implements java.io.Serializable {}

  /** A pass being built. */
  private static final class OpenPass implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    final String segmentId;
    final String equipment;
    final double lengthM;
    final long start;
    long end;
    double minAlong;
    double maxAlong;
    boolean dirty = true;
    boolean counted;
    Instant firstSeen;
    Instant lastEmitted;
    // SegmentPass.passId of this pass (it depends on segment, vehicle and start only), made at its
    // first emission: a growing pass is emitted again and again, and the id is an MD5 digest
    transient String passId;

    OpenPass(RoadNetwork.Match m, Sample s) {
      this.segmentId = m.segmentId();
      this.equipment = s.equipment;
      this.lengthM = m.lengthM();
      this.start = s.t;
      this.end = s.t;
      this.minAlong = m.alongM();
      this.maxAlong = m.alongM();
    }

    void extend(double along, long t) {
      end = t;
      minAlong = Math.min(minAlong, along);
      maxAlong = Math.max(maxAlong, along);
      dirty = true;
    }

    double fraction() {
      return lengthM <= 0 ? 1.0 : Math.max(0, Math.min(1, (maxAlong - minAlong) / lengthM));
    }
  }

  /** One fix-ordered stream of a vehicle: the last fix and the pass being built. */
  private static final class Lane implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    Sample last;
    OpenPass open;
  }

  /**
   * The matching state of one vehicle (its two lanes and recent fix times); opaque outside the
   * matcher. Once the matcher drops it (idle, forgotten, flushed, replaced by an import) it is
   * never used again: {@link #vehicle} gives the one held then.
   */
  public static final class VehicleState implements java.io.Serializable {
    // 2: recent fix times in a RecentFixTimes ring (a HashSet<Long> before)
    private static final long serialVersionUID = 2L;

    final String vehicleId;
    final Lane live = new Lane();
    Lane backfill;
    Instant lastSeen;
    final RecentFixTimes recent = new RecentFixTimes(RECENT_FIXES);
    transient boolean dropped;

    VehicleState(String vehicleId) {
      this.vehicleId = vehicleId;
    }

    List<Lane> lanes() {
      return backfill == null ? List.of(live) : List.of(live, backfill);
    }

    /**
     * Reads, at one depth of references from this object (0: the object itself; 1: its live lane
     * and recent fix times; 2: the lane's last fix and open pass, the ring's next slot), what
     * matching the vehicle's next fix reads first, and returns a number made of it so the reads are
     * kept: see {@code dev.dozor.rules.engine.BatchWarmUp}.
     */
    public long warm(int depth) {
      return switch (depth) {
        case 0 -> lastSeen == null ? 0 : 1;
        case 1 -> (live.last == null ? 0 : 1) + recent.size();
        case 2 ->
            recent.touch()
                + (live.last == null ? 0 : live.last.t)
                + (live.open == null ? 0 : live.open.end);
        default -> 0;
      };
    }
  }
}
