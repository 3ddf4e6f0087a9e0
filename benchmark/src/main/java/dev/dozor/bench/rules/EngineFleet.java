package dev.dozor.bench.rules;

import dev.dozor.events.AssignmentRecord;
import dev.dozor.events.Equipment;
import dev.dozor.events.SchemaVersions;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.VehicleRecord;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.simulator.grid.GeoPoint;
import dev.dozor.simulator.road.RoadEdge;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The engine benchmark's workload: a large fleet driving routes on the benchmark's roads, each
 * vehicle reporting every 5–15 s (random per fix), produced in fix-time order across the fleet, so
 * a batch of a few hundred points holds distinct vehicles as a Kafka poll would. Each vehicle
 * shuttles along its route (a chain of road segments, its assignment) in a 20-minute cycle: 14 min
 * working with its implement (plough, brush, spreader, pump; refuse trucks drive between sites), 6
 * min transport. An offender replaces minutes 10–14 of each cycle with a breach of its type (plough
 * down at 55–60 km/h, brush on at 15 km/h, spreading while standing, or 85 km/h in transport), so
 * episodes open, update and close all the time. Deterministic for a seed; well under a microsecond
 * per point (the JMH rows make each batch outside their timed part).
 */
public final class EngineFleet {
  /** Type of vehicle {@code i}: the mix repeats. */
  static final String[] TYPES = {
    "plough", "plough", "sweeper", "spreader", "plough", "refuse", "flusher", "sweeper"
  };

  static final long CYCLE_MS = Duration.ofMinutes(20).toMillis();
  static final long WORK_MS = Duration.ofMinutes(14).toMillis();
  static final long FAULT_FROM_MS = Duration.ofMinutes(10).toMillis();
  static final int MIN_INTERVAL_MS = 5_000;
  static final int MAX_INTERVAL_MS = 15_000;
  static final int ROUTE_EDGES = 8;

  private final RulesGeography geography;
  private final int size;
  private final Instant start;
  private final SplittableRandom random;
  private final String[] ids;
  private final String[] devices;
  private final String[] types;
  private final boolean[] offender;
  private final long[] phaseOffsetMs;
  private final double[] baseSpeed;
  private final double[] spreadRate;
  private final RoadEdge[][] routes;
  private final int[] leg;
  private final double[] posM;
  private final double[] odometerKm;
  private final long[] lastFixMs;
  private final FixHeap due;
  private long emitted;

  /**
   * @param vehicles fleet size
   * @param offenderShare share of vehicles that breach a regulation every cycle (0..1)
   */
  public EngineFleet(
      RulesGeography geography, int vehicles, Instant start, double offenderShare, long seed) {
    if (vehicles < 1) {
      throw new IllegalArgumentException("vehicles must be at least 1, got " + vehicles);
    }
    this.geography = geography;
    this.size = vehicles;
    this.start = start;
    this.random = new SplittableRandom(seed);
    ids = new String[vehicles];
    devices = new String[vehicles];
    types = new String[vehicles];
    offender = new boolean[vehicles];
    phaseOffsetMs = new long[vehicles];
    baseSpeed = new double[vehicles];
    spreadRate = new double[vehicles];
    routes = new RoadEdge[vehicles][];
    leg = new int[vehicles];
    posM = new double[vehicles];
    odometerKm = new double[vehicles];
    lastFixMs = new long[vehicles];
    due = new FixHeap(vehicles);
    List<RoadEdge> edges = RulesGeography.distinctEdges(geography.roads());
    long t0 = start.toEpochMilli();
    for (int i = 0; i < vehicles; i++) {
      ids[i] = vehicleId(i);
      devices[i] = "dev-" + ids[i];
      types[i] = TYPES[i % TYPES.length];
      offender[i] = random.nextDouble() < offenderShare;
      phaseOffsetMs[i] = random.nextLong(CYCLE_MS);
      baseSpeed[i] = random.nextDouble();
      spreadRate[i] = 15 + random.nextDouble() * 15;
      routes[i] = route(edges.get(random.nextInt(edges.size())));
      leg[i] = random.nextInt(routes[i].length);
      posM[i] = random.nextDouble() * routes[i][leg[i]].lengthMetres();
      odometerKm[i] = 5_000 + random.nextDouble() * 145_000;
      lastFixMs[i] = t0 - random.nextInt(MAX_INTERVAL_MS);
      due.add(i, t0 + random.nextInt(MAX_INTERVAL_MS));
    }
  }

  /** Id of vehicle {@code i}: {@code bench-v-000001}. */
  public static String vehicleId(int i) {
    return String.format("bench-v-%06d", i + 1);
  }

  public int size() {
    return size;
  }

  /** Points produced so far. */
  public long emitted() {
    return emitted;
  }

  /** Fix time of the next point. */
  public long nextFixMs() {
    return due.peekTime();
  }

  public boolean isOffender(int i) {
    return offender[i];
  }

  /** The next {@code n} points in fix-time order. */
  public List<TelemetryPoint> nextBatch(int n) {
    List<TelemetryPoint> batch = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      batch.add(next());
    }
    return batch;
  }

  /** The fleet's next fix. */
  public TelemetryPoint next() {
    long fixMs = due.peekTime();
    int i = due.poll();
    double dtS = (fixMs - lastFixMs[i]) / 1000.0;
    lastFixMs[i] = fixMs;
    long phase = Math.floorMod(fixMs - start.toEpochMilli() + phaseOffsetMs[i], CYCLE_MS);
    boolean working = phase < WORK_MS;
    boolean breach = offender[i] && working && phase >= FAULT_FROM_MS;
    double speed = speedKmh(types[i], working, breach, baseSpeed[i], random.nextDouble());
    double moved = speed / 3.6 * dtS;
    odometerKm[i] += moved / 1000;
    advance(i, moved);
    RoadEdge e = routes[i][leg[i]];
    GeoPoint p = e.pointAt(posM[i]);
    Equipment eq = equipment(types[i], working, breach, spreadRate[i]);
    due.add(i, fixMs + MIN_INTERVAL_MS + random.nextInt(MAX_INTERVAL_MS - MIN_INTERVAL_MS + 1));
    emitted++;
    return new TelemetryPoint(
        SchemaVersions.TELEMETRY_POINT,
        ids[i],
        devices[i],
        Instant.ofEpochMilli(fixMs),
        Instant.ofEpochMilli(fixMs + 1_000 + random.nextInt(2_000)),
        p.lat(),
        p.lon(),
        speed,
        e.headingAt(posM[i]),
        Math.round(odometerKm[i] * 1000) / 1000.0,
        eq,
        Map.of());
  }

  /** Speed by type and phase; {@code u} in [0,1) varies it per fix. */
  static double speedKmh(String type, boolean working, boolean breach, double base, double u) {
    double jitter = (base + u) / 2;
    if (breach) {
      return switch (type) {
        case "plough" -> 55 + 5 * jitter;
        case "sweeper" -> 14 + 2 * jitter;
        case "spreader" -> 0;
        default -> 85 + 10 * jitter;
      };
    }
    if (!working) {
      return 40 + 15 * jitter;
    }
    return switch (type) {
      case "sweeper" -> 8 + jitter;
      case "flusher" -> 10 + 10 * jitter;
      default -> 20 + 20 * jitter;
    };
  }

  /** Implements by type and phase: the working implement on while working (and breaching). */
  static Equipment equipment(String type, boolean working, boolean breach, double rate) {
    boolean on = working && !(breach && (type.equals("refuse") || type.equals("flusher")));
    return switch (type) {
      case "plough" -> new Equipment(on, null, null, null, null, true, null);
      case "sweeper" -> new Equipment(null, on, null, null, null, true, null);
      case "spreader" -> new Equipment(null, null, on, on ? rate : null, null, true, null);
      case "flusher" -> new Equipment(null, null, null, null, null, true, on);
      default -> new Equipment(null, null, null, null, false, true, null);
    };
  }

  private void advance(int i, double metres) {
    RoadEdge[] r = routes[i];
    double left = metres;
    // a vehicle never crosses more than a route's length in one fix
    for (int guard = 0; guard < 2 * r.length && left > 0; guard++) {
      double room = r[leg[i]].lengthMetres() - posM[i];
      if (left < room) {
        posM[i] += left;
        return;
      }
      left -= room;
      leg[i] = (leg[i] + 1) % r.length;
      posM[i] = 0;
    }
  }

  /** A shuttle route: a chain of up to {@link #ROUTE_EDGES} segments, then the same way back. */
  private RoadEdge[] route(RoadEdge first) {
    List<RoadEdge> out = new ArrayList<>();
    out.add(first);
    RoadEdge at = first;
    for (int k = 1; k < ROUTE_EDGES; k++) {
      List<RoadEdge> next = new ArrayList<>();
      for (RoadEdge e : geography.roads().edgesFrom(at.to())) {
        if (e.id() != at.id()) {
          next.add(e);
        }
      }
      if (next.isEmpty()) {
        break;
      }
      at = next.get(random.nextInt(next.size()));
      out.add(at);
    }
    List<RoadEdge> shuttle = new ArrayList<>(out);
    for (int k = out.size() - 1; k >= 0; k--) {
      shuttle.add(out.get(k).reversed());
    }
    return shuttle.toArray(RoadEdge[]::new);
  }

  /** The registry records of the fleet: type, contractor, home district and depot. */
  public List<VehicleRecord> vehicleRecords(RegistryState places) {
    List<VehicleRecord> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      GeoPoint home = routes[i][0].pointAt(0);
      out.add(
          new VehicleRecord(
              SchemaVersions.VEHICLE,
              ids[i],
              String.format("Б%04dОТ77", i % 10_000),
              types[i],
              "Bench contractor " + (i % 7),
              null,
              "bench-contractor-" + (i % 7),
              places.geography().districtAt(home.lat(), home.lon()),
              geography.depots().get(i % geography.depots().size())));
    }
    return out;
  }

  /** One assignment per vehicle: its route's segments, a shift over the whole run. */
  public List<AssignmentRecord> assignments(Instant shiftStart, Duration shift) {
    List<AssignmentRecord> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      List<String> segments = new ArrayList<>();
      for (RoadEdge e : routes[i]) {
        String id = RulesGeography.segmentId(e.id());
        if (!segments.contains(id)) {
          segments.add(id);
        }
      }
      out.add(
          AssignmentRecord.of(
              "bench-asg-" + (i + 1),
              ids[i],
              shiftStart,
              shiftStart.plus(shift),
              null,
              segments,
              50.0,
              "bench"));
    }
    return out;
  }

  /** A registry with the geography, the fleet and its assignments, places published. */
  public RegistryState registry(Instant shiftStart, Duration shift) {
    RegistryState r = new RegistryState();
    geography.districts().forEach(r::district);
    geography.zones().forEach(r::zone);
    geography.segments().forEach(r::segment);
    r.publishPlaces();
    vehicleRecords(r).forEach(r::vehicle);
    assignments(shiftStart, shift).forEach(r::assignment);
    r.publishPlaces();
    return r;
  }

  /** A binary min-heap of vehicle indices by due fix time, without boxing. */
  static final class FixHeap {
    private final long[] time;
    private final int[] vehicle;
    private int n;

    FixHeap(int capacity) {
      time = new long[capacity];
      vehicle = new int[capacity];
    }

    void add(int v, long t) {
      int k = n++;
      while (k > 0) {
        int parent = (k - 1) >>> 1;
        if (time[parent] <= t) {
          break;
        }
        time[k] = time[parent];
        vehicle[k] = vehicle[parent];
        k = parent;
      }
      time[k] = t;
      vehicle[k] = v;
    }

    long peekTime() {
      return time[0];
    }

    int poll() {
      int top = vehicle[0];
      n--;
      long t = time[n];
      int v = vehicle[n];
      int k = 0;
      while (true) {
        int c = 2 * k + 1;
        if (c >= n) {
          break;
        }
        if (c + 1 < n && time[c + 1] < time[c]) {
          c++;
        }
        if (time[c] >= t) {
          break;
        }
        time[k] = time[c];
        vehicle[k] = vehicle[c];
        k = c;
      }
      time[k] = t;
      vehicle[k] = v;
      return top;
    }
  }
}
