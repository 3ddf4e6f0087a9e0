package dev.dozor.simulator;

import dev.dozor.simulator.fleet.FleetConfig;
import dev.dozor.simulator.fleet.OffenderSchedule;
import dev.dozor.simulator.grid.GridSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
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
          "--auth-wait");

  public static final String USAGE =
      """
      Usage: java -jar dozor-simulator.jar demo [options]
             java -jar dozor-simulator.jar --help

      Drives a simulated fleet of snow ploughs and sweepers over a street grid in
      north-eastern Moscow (around 55.85 N, 37.64 E): registers the vehicles and their
      devices with telemetry-service, then posts each vehicle's fixes to the gateway in
      real time.

      Options (defaults in brackets):
        --gateway URL       gateway base URL [http://127.0.0.1:18080]
        --telemetry URL     telemetry-service base URL [http://127.0.0.1:18081]
        --vehicles N        number of vehicles, alternating plough and sweeper [12]
        --interval D        time between two fixes of a vehicle, >= 100ms [2s]
        --offenders N       ploughs that break SPD-001 (sim-plough-01, -02, ...) [1]
        --duration D        how long to run; 0 runs until stopped (Ctrl-C / SIGTERM) [0]
        --seed N            seed of routes, speeds and plates [42]
        --token-seed S      derive device tokens from S (reproducible) [random per run]
        --rows N            east-west streets of the grid [8]
        --cols N            north-south streets of the grid [8]
        --block M           block size in metres [250]
        --auth-wait D       how long to retry 401 while the registration propagates [30s]
        -h, --help          print this help

      Durations: 500ms, 2s, 5m, 1h (a bare number means seconds).
      Exit codes: 0 done, 1 runtime failure or undelivered points, 2 bad arguments.
      """;

  private CliParser() {}

  /** What to do. */
  public sealed interface Command permits Help, Demo {}

  /** Print {@link #USAGE} and exit 0. */
  public record Help() implements Command {}

  /** Run the demo. */
  public record Demo(DemoOptions options) implements Command {}

  public static Command parse(String... args) throws CliException {
    List<String> list = List.of(args);
    if (list.contains("--help") || list.contains("-h")) {
      return new Help();
    }
    if (list.isEmpty()) {
      throw new CliException("missing command: expected 'demo'");
    }
    String command = list.get(0);
    if (!command.equals("demo")) {
      throw new CliException(
          command.startsWith("-")
              ? "missing command before " + command + ": expected 'demo'"
              : "unknown command '" + command + "': expected 'demo'");
    }
    return new Demo(demoOptions(flags(list.subList(1, list.size()))));
  }

  private static Map<String, String> flags(List<String> args) throws CliException {
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
      if (!DEMO_FLAGS.contains(name)) {
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
      if (values.put(name, value) != null) {
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
    int ploughs = FleetConfig.ploughCount(vehicles);
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
    String tokenSeed = f.get("--token-seed");
    if (tokenSeed != null && tokenSeed.isBlank()) {
      throw new CliException("--token-seed must not be blank");
    }
    int rows = integer(f, "--rows", GridSpec.DEFAULT_ROWS, 2, 200);
    int cols = integer(f, "--cols", GridSpec.DEFAULT_COLUMNS, 2, 200);
    int block = integer(f, "--block", (int) GridSpec.DEFAULT_BLOCK_METRES, 20, 5_000);
    Duration authWait = duration(f, "--auth-wait", DemoOptions.DEFAULT_AUTH_WAIT);
    try {
      FleetConfig fleet =
          new FleetConfig(
              vehicles,
              interval,
              offenders,
              seed,
              new GridSpec(GridSpec.MOSCOW_NORTH_EAST, rows, cols, block),
              OffenderSchedule.defaults());
      return new DemoOptions(gateway, telemetry, fleet, duration, tokenSeed, authWait);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
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

  private static Duration duration(Map<String, String> f, String flag, Duration fallback)
      throws CliException {
    String text = f.get(flag);
    return text == null ? fallback : Durations.parse(flag, text);
  }
}
