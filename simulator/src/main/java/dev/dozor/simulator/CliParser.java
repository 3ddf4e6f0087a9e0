package dev.dozor.simulator;

import dev.dozor.simulator.city.Snowfall;
import dev.dozor.simulator.fault.FaultPlan;
import dev.dozor.simulator.fault.FaultType;
import dev.dozor.simulator.firehose.FirehoseOptions;
import dev.dozor.simulator.firehose.FirehosePacer;
import dev.dozor.simulator.fleet.FleetConfig;
import dev.dozor.simulator.fleet.OffenderSchedule;
import dev.dozor.simulator.fleet.ShiftPlan;
import dev.dozor.simulator.fleet.VehicleType;
import dev.dozor.simulator.grid.GridSpec;
import dev.dozor.simulator.protocol.HostPort;
import dev.dozor.simulator.protocol.ProtocolMix;
import dev.dozor.simulator.replay.ReplayRunner;
import dev.dozor.simulator.road.RoadGraph;
import dev.dozor.simulator.road.RoadNetwork;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the command line into a {@link Command}; pure, so every error path is unit-tested. */
public final class CliParser {
  /** Flags of the {@code demo} command that take a value. */
  private static final Set<String> DEMO_FLAGS =
      Set.of(
          "--gateway",
          "--telemetry",
          "--vehicles",
          "--interval",
          "--offenders",
          "--duration",
          "--seed",
          "--token-seed",
          "--rows",
          "--cols",
          "--block",
          "--auth-wait",
          "--roads",
          "--types",
          "--fault",
          "--offline",
          "--shift",
          "--ground-truth",
          "--protocols",
          "--egts",
          "--wialon",
          "--osmand",
          "--snowfall",
          "--black-box",
          "--borrowed-vehicle");

  /** Flags of the {@code firehose} command that take a value. */
  private static final Set<String> FIREHOSE_FLAGS =
      Set.of(
          "--gateway",
          "--telemetry",
          "--vehicles",
          "--rate",
          "--duration",
          "--batch",
          "--time-compression",
          "--concurrency",
          "--offenders",
          "--seed",
          "--token-seed",
          "--auth-wait",
          "--roads",
          "--types",
          "--fault",
          "--offline",
          "--ground-truth");

  /** Flags of the {@code replay} command that take a value. */
  private static final Set<String> REPLAY_FLAGS =
      Set.of("--gateway", "--telemetry", "--file", "--speedup", "--token-seed", "--auth-wait");

  /** Flags that may be given more than once (their values are joined with commas). */
  private static final Set<String> REPEATABLE = Set.of("--fault", "--snowfall");

  public static final String USAGE =
      """
      Usage: java -jar dozor-simulator.jar demo [options]
             java -jar dozor-simulator.jar firehose [options]
             java -jar dozor-simulator.jar replay --file FILE [options]
             java -jar dozor-simulator.jar --help

      demo: drives a simulated fleet (snow ploughs, sweepers, spreaders, flushers, refuse
      trucks) over a street grid in north-eastern Moscow (around 55.85 N, 37.64 E) or a
      GeoJSON road network: registers the vehicles, their trackers and the trackers' device
      profiles with telemetry-service, then sends each vehicle's fixes to the gateway in real
      time, each tracker in its protocol.
        --gateway URL       gateway base URL, HTTP JSON [http://127.0.0.1:18080]
        --telemetry URL     telemetry-service base URL [http://127.0.0.1:18081]
        --protocols MIX     protocol shares in percent, summing to 100
                            [http-json:40,egts:30,wialon-ips:20,osmand:10]
        --egts HOST:PORT    gateway's EGTS port [127.0.0.1:18020]
        --wialon HOST:PORT  gateway's Wialon IPS port [127.0.0.1:18039]
        --osmand URL        gateway's OsmAnd base URL [http://127.0.0.1:18055]
        --vehicles N        number of vehicles, types repeating --types [12]
        --interval D        time between two fixes of a vehicle, 100ms..1h [2s]
        --types LIST        type mix: plough,sweeper,spreader,flusher,refuse [plough,sweeper]
        --offenders N       ploughs that break SPD-001 (sim-plough-01, -02, ...) [1]
        --fault NAME=RATE   inject a fault, RATE per vehicle-hour (2/h, 0.5, 1/min); repeatable.
                            NAME: overspeed, spreading-standing, deviation, gaps, jumps,
                            offline, duplicates, sweeping-fast, bad-spread-rate,
                            transport-speeding, idling, sensor-flapping (interval <= 5s),
                            clock-skew, odometer-drift (per shift, needs --shift),
                            dump-outside (ploughs, spreaders), outside-zone, no-machinery,
                            night-collection and night-yard (at night, Moscow time),
                            late-roll-out (per shift) [none]
        --offline MIN..MAX  length of an offline period, e.g. 5m..15m [5m..15m]
        --ground-truth FILE append every injected fault to FILE as JSON Lines [none]
        --roads FILE        drive a GeoJSON road network instead of the grid [grid]
        --shift D           shift length, then back to the depot and park; 0 = endless [0]
        --snowfall A..B     on imported roads: a snowfall per home district that started A
                            and ended B before the shift start (A.. = still snowing);
                            repeatable [1h..0]
        --black-box WHEN    'last-night': a refuse truck and a plough or sweeper first upload
                            last night's fixes (TIM-004/TIM-005 at night); 'none' [none]
        --borrowed-vehicle yes|no  on imported roads and districts: the last refuse truck is
                            on loan from another okrug, without an assignment (GEO-002) [no]
        --duration D        how long to run; 0 runs until stopped (Ctrl-C / SIGTERM) [0]
        --seed N            seed of routes, speeds, faults and plates [42]
        --token-seed S      derive device tokens from S (reproducible) [random per run]
        --rows N            east-west streets of the grid [8]
        --cols N            north-south streets of the grid [8]
        --block M           block size in metres [250]
        --auth-wait D       how long to retry 401 while the registration propagates [30s]

      firehose: offers --rate points per second from --vehicles vehicles, simulated time
      compressed (fix times run --time-compression times faster than the clock, starting
      duration x K in the past so they never reach the future); progress every 5 s.
        --vehicles N        number of vehicles, 1..100000 [1000]
        --rate P            points per second, all vehicles together [1000]
        --duration D        how long to send [1m]
        --batch B           most points in one request, 1..1000 [100]
        --time-compression K  simulated seconds per second, >= 1 [rate / vehicles, at least 1]
        --concurrency C     most requests in flight, 1..4096 [64]
        --offenders N       ploughs that break SPD-001 [0]
        also --gateway, --telemetry, --seed, --token-seed, --auth-wait, --types, --roads,
        --fault, --offline, --ground-truth as for demo

      replay: sends a recorded AVL trace (e.g. syracuse-snowplow-2021/gps_data.csv) re-timed
      so its first fix is now, one plough per truck_name (syr-<truck>).
        --file FILE         the trace CSV (required)
        --speedup K         play K times faster than recorded, >= 1 [1]
        also --gateway, --telemetry, --token-seed, --auth-wait as for demo

        -h, --help          print this help

      Durations: 500ms, 2s, 5m, 1h (a bare number means seconds).
      Exit codes: 0 done, 1 runtime failure or undelivered points, 2 bad arguments.
      """;

  private CliParser() {}

  /** What to do. */
  public sealed interface Command permits Help, Demo, Firehose, Replay {}

  /** Print {@link #USAGE} and exit 0. */
  public record Help() implements Command {}

  /** Run the demo. */
  public record Demo(DemoOptions options) implements Command {}

  /** Run the firehose. */
  public record Firehose(FirehoseOptions options) implements Command {}

  /** Replay a trace. */
  public record Replay(ReplayRunner.Options options) implements Command {}

  private static final String EXPECTED = "expected 'demo', 'firehose' or 'replay'";

  public static Command parse(String... args) throws CliException {
    List<String> list = List.of(args);
    if (list.contains("--help") || list.contains("-h")) {
      return new Help();
    }
    if (list.isEmpty()) {
      throw new CliException("missing command: " + EXPECTED);
    }
    String command = list.get(0);
    List<String> rest = list.subList(1, list.size());
    return switch (command) {
      case "demo" -> new Demo(demoOptions(flags(rest, DEMO_FLAGS)));
      case "firehose" -> new Firehose(firehoseOptions(flags(rest, FIREHOSE_FLAGS)));
      case "replay" -> new Replay(replayOptions(flags(rest, REPLAY_FLAGS)));
      default ->
          throw new CliException(
              command.startsWith("-")
                  ? "missing command before " + command + ": " + EXPECTED
                  : "unknown command '" + command + "': " + EXPECTED);
    };
  }

  private static Map<String, String> flags(List<String> args, Set<String> known)
      throws CliException {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (!known.contains(name)) {
        throw new CliException(
            arg.startsWith("-")
                ? "unknown option " + name + " (see --help)"
                : "unexpected argument '" + arg + "' (see --help)");
      }
      if (value == null) {
        if (i + 1 >= args.size()) {
          throw new CliException("option " + name + " needs a value");
        }
        value = args.get(++i);
      }
      if (REPEATABLE.contains(name) && values.containsKey(name)) {
        values.put(name, values.get(name) + "," + value);
      } else if (values.put(name, value) != null) {
        throw new CliException("option " + name + " given twice");
      }
    }
    return values;
  }

  private static DemoOptions demoOptions(Map<String, String> f) throws CliException {
    URI gateway = url(f, "--gateway", DemoOptions.DEFAULT_GATEWAY);
    URI telemetry = url(f, "--telemetry", DemoOptions.DEFAULT_TELEMETRY);
    int vehicles =
        integer(f, "--vehicles", FleetConfig.DEFAULT_VEHICLES, 1, FleetConfig.MAX_VEHICLES);
    Duration interval = duration(f, "--interval", FleetConfig.DEFAULT_INTERVAL);
    if (interval.compareTo(FleetConfig.MIN_INTERVAL) < 0
        || interval.compareTo(FleetConfig.MAX_INTERVAL) > 0) {
      throw new CliException("--interval must be between 100ms and 1h, got " + f.get("--interval"));
    }
    List<VehicleType> types = types(f);
    int ploughs = FleetConfig.ploughCount(vehicles, types);
    int offenders = integer(f, "--offenders", FleetConfig.DEFAULT_OFFENDERS, 0, Integer.MAX_VALUE);
    if (offenders > ploughs) {
      throw new CliException(
          "--offenders "
              + offenders
              + " exceeds the "
              + ploughs
              + " ploughs among "
              + vehicles
              + " vehicles");
    }
    Duration duration = duration(f, "--duration", Duration.ZERO);
    long seed = longValue(f, "--seed", FleetConfig.DEFAULT_SEED);
    String tokenSeed = tokenSeed(f);
    int rows = integer(f, "--rows", GridSpec.DEFAULT_ROWS, 2, 200);
    int cols = integer(f, "--cols", GridSpec.DEFAULT_COLUMNS, 2, 200);
    int block = integer(f, "--block", (int) GridSpec.DEFAULT_BLOCK_METRES, 20, 5_000);
    Duration authWait = duration(f, "--auth-wait", DemoOptions.DEFAULT_AUTH_WAIT);
    Duration shift = duration(f, "--shift", Duration.ZERO);
    try {
      FleetConfig fleet =
          new FleetConfig(
              vehicles,
              interval,
              offenders,
              seed,
              new GridSpec(GridSpec.MOSCOW_NORTH_EAST, rows, cols, block),
              OffenderSchedule.defaults(),
              types,
              roads(f),
              faults(f),
              ShiftPlan.of(shift));
      fleet.checkFaults();
      return new DemoOptions(
          gateway,
          telemetry,
          fleet,
          duration,
          tokenSeed,
          authWait,
          path(f, "--ground-truth"),
          protocols(f),
          hostPort(f, "--egts", DemoOptions.DEFAULT_EGTS),
          hostPort(f, "--wialon", DemoOptions.DEFAULT_WIALON),
          url(f, "--osmand", DemoOptions.DEFAULT_OSMAND),
          snowfalls(f),
          blackBox(f),
          yesNo(f, "--borrowed-vehicle"));
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
  }

  private static FirehoseOptions firehoseOptions(Map<String, String> f) throws CliException {
    URI gateway = url(f, "--gateway", DemoOptions.DEFAULT_GATEWAY);
    URI telemetry = url(f, "--telemetry", DemoOptions.DEFAULT_TELEMETRY);
    int vehicles =
        integer(f, "--vehicles", FirehoseOptions.DEFAULT_VEHICLES, 1, FleetConfig.MAX_FLEET);
    double rate = decimal(f, "--rate", FirehoseOptions.DEFAULT_RATE, 0.001, 10_000_000);
    double compression =
        decimal(
            f,
            "--time-compression",
            FirehosePacer.defaultCompression(vehicles, rate),
            1,
            1_000_000);
    Duration duration = duration(f, "--duration", FirehoseOptions.DEFAULT_DURATION);
    if (duration.isZero()) {
      throw new CliException("--duration must be positive for firehose");
    }
    int batch = integer(f, "--batch", FirehoseOptions.DEFAULT_BATCH, 1, 1_000);
    int concurrency = integer(f, "--concurrency", FirehoseOptions.DEFAULT_CONCURRENCY, 1, 4_096);
    List<VehicleType> types = types(f);
    int offenders = integer(f, "--offenders", 0, 0, FleetConfig.ploughCount(vehicles, types));
    long seed = longValue(f, "--seed", FleetConfig.DEFAULT_SEED);
    try {
      FirehosePacer pacer = new FirehosePacer(vehicles, rate, compression, duration, Instant.EPOCH);
      FleetConfig fleet =
          new FleetConfig(
              vehicles,
              pacer.fixInterval(),
              offenders,
              seed,
              GridSpec.defaults(),
              OffenderSchedule.defaults(),
              types,
              roads(f),
              faults(f),
              ShiftPlan.endless());
      fleet.checkFaults();
      if (fleet.faults().rate(FaultType.CLOCK_SKEW) > 0 && compression > 1) {
        throw new CliException(
            "--fault clock-skew puts fix times ahead of the real clock: compressed time (--time-"
                + "compression "
                + compression
                + ") lags it by more than the skew; use demo or --time-compression 1");
      }
      return new FirehoseOptions(
          gateway,
          telemetry,
          fleet,
          rate,
          compression,
          duration,
          batch,
          concurrency,
          tokenSeed(f),
          duration(f, "--auth-wait", DemoOptions.DEFAULT_AUTH_WAIT),
          path(f, "--ground-truth"));
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
  }

  private static ReplayRunner.Options replayOptions(Map<String, String> f) throws CliException {
    Path file = path(f, "--file");
    if (file == null) {
      throw new CliException("replay needs --file FILE (a trace CSV)");
    }
    if (!Files.isReadable(file)) {
      throw new CliException("--file " + file + " is not a readable file");
    }
    return new ReplayRunner.Options(
        url(f, "--gateway", DemoOptions.DEFAULT_GATEWAY),
        url(f, "--telemetry", DemoOptions.DEFAULT_TELEMETRY),
        file,
        decimal(f, "--speedup", 1, 1, 10_000),
        tokenSeed(f),
        duration(f, "--auth-wait", DemoOptions.DEFAULT_AUTH_WAIT));
  }

  private static ProtocolMix protocols(Map<String, String> f) throws CliException {
    String text = f.get("--protocols");
    if (text == null) {
      return ProtocolMix.defaults();
    }
    try {
      return ProtocolMix.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CliException("--protocols: " + e.getMessage());
    }
  }

  private static HostPort hostPort(Map<String, String> f, String flag, HostPort fallback)
      throws CliException {
    String text = f.get(flag);
    if (text == null) {
      return fallback;
    }
    try {
      return HostPort.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CliException(flag + ": " + e.getMessage());
    }
  }

  private static String tokenSeed(Map<String, String> f) throws CliException {
    String tokenSeed = f.get("--token-seed");
    if (tokenSeed != null && tokenSeed.isBlank()) {
      throw new CliException("--token-seed must not be blank");
    }
    return tokenSeed;
  }

  private static List<VehicleType> types(Map<String, String> f) throws CliException {
    String text = f.get("--types");
    if (text == null) {
      return FleetConfig.DEFAULT_TYPES;
    }
    List<VehicleType> types = new ArrayList<>();
    for (String part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        types.add(VehicleType.byName(part));
      } catch (IllegalArgumentException e) {
        throw new CliException("--types: " + e.getMessage());
      }
    }
    if (types.isEmpty()) {
      throw new CliException("--types needs at least one type");
    }
    return types;
  }

  private static FaultPlan faults(Map<String, String> f) throws CliException {
    FaultPlan plan = FaultPlan.none();
    String offline = f.get("--offline");
    if (offline != null) {
      String[] range = offline.split("\\.\\.");
      Duration min = Durations.parse("--offline", range[0]);
      Duration max = range.length > 1 ? Durations.parse("--offline", range[1]) : min;
      try {
        plan = plan.withOffline(min, max);
      } catch (IllegalArgumentException e) {
        throw new CliException("--offline: " + e.getMessage());
      }
    }
    String text = f.get("--fault");
    if (text == null) {
      return plan;
    }
    for (String part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        Map.Entry<FaultType, Double> e = FaultPlan.parseFlag(part);
        plan = plan.with(e.getKey(), e.getValue());
      } catch (IllegalArgumentException e) {
        throw new CliException("--fault: " + e.getMessage());
      }
    }
    return plan;
  }

  private static RoadGraph roads(Map<String, String> f) throws CliException {
    Path file = path(f, "--roads");
    if (file == null) {
      return null;
    }
    try {
      return RoadNetwork.fromGeoJson(file);
    } catch (IOException | RuntimeException e) {
      throw new CliException("--roads " + file + ": cannot read a road network: " + e.getMessage());
    }
  }

  private static Path path(Map<String, String> f, String flag) throws CliException {
    String text = f.get(flag);
    if (text == null) {
      return null;
    }
    if (text.isBlank()) {
      throw new CliException(flag + " must not be blank");
    }
    return Path.of(text);
  }

  private static double decimal(
      Map<String, String> f, String flag, double fallback, double min, double max)
      throws CliException {
    String text = f.get(flag);
    if (text == null) {
      return fallback;
    }
    double v;
    try {
      v = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new CliException("invalid number '" + text + "' for " + flag);
    }
    if (!(v >= min && v <= max)) {
      throw new CliException(flag + " must be " + min + ".." + max + ", got " + text);
    }
    return v;
  }

  private static URI url(Map<String, String> f, String flag, URI fallback) throws CliException {
    String text = f.get(flag);
    if (text == null) {
      return fallback;
    }
    try {
      URI uri = new URI(text);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new CliException(
            "invalid URL '" + text + "' for " + flag + ": expected http://host:port");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new CliException(
          "invalid URL '" + text + "' for " + flag + ": expected http://host:port");
    }
  }

  private static int integer(Map<String, String> f, String flag, int fallback, int min, int max)
      throws CliException {
    String text = f.get(flag);
    if (text == null) {
      return fallback;
    }
    int n;
    try {
      n = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new CliException("invalid number '" + text + "' for " + flag);
    }
    if (n < min || n > max) {
      throw new CliException(
          flag
              + " must be "
              + (max == Integer.MAX_VALUE ? ">= " + min : min + ".." + max)
              + ", got "
              + n);
    }
    return n;
  }

  private static long longValue(Map<String, String> f, String flag, long fallback)
      throws CliException {
    String text = f.get(flag);
    if (text == null) {
      return fallback;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new CliException("invalid number '" + text + "' for " + flag);
    }
  }

  /** {@code --snowfall A..B[,C..]}: started A and ended B before the shift start; B optional. */
  static List<Snowfall> snowfalls(Map<String, String> f) throws CliException {
    String text = f.get("--snowfall");
    if (text == null) {
      return Snowfall.defaults();
    }
    List<Snowfall> list = new ArrayList<>();
    for (String one : text.split(",")) {
      String[] range = one.trim().split("\\.\\.", -1);
      if (range.length != 2 || range[0].isBlank()) {
        throw new CliException(
            "--snowfall expects STARTED..ENDED before the shift start (e.g. 14h..12h, or 3h.. while"
                + " still snowing), got '"
                + one
                + "'");
      }
      Duration started = Durations.parse("--snowfall", range[0].trim());
      Duration ended = range[1].isBlank() ? null : Durations.parse("--snowfall", range[1].trim());
      try {
        list.add(new Snowfall(started, ended));
      } catch (IllegalArgumentException e) {
        throw new CliException("--snowfall " + one + ": " + e.getMessage());
      }
    }
    return list;
  }

  private static boolean blackBox(Map<String, String> f) throws CliException {
    String text = f.getOrDefault("--black-box", "none");
    return switch (text) {
      case "none" -> false;
      case "last-night" -> true;
      default ->
          throw new CliException("--black-box expects last-night or none, got '" + text + "'");
    };
  }

  private static boolean yesNo(Map<String, String> f, String flag) throws CliException {
    String text = f.getOrDefault(flag, "no");
    return switch (text) {
      case "no" -> false;
      case "yes" -> true;
      default -> throw new CliException(flag + " expects yes or no, got '" + text + "'");
    };
  }

  private static Duration duration(Map<String, String> f, String flag, Duration fallback)
      throws CliException {
    String text = f.get(flag);
    return text == null ? fallback : Durations.parse(flag, text);
  }
}
