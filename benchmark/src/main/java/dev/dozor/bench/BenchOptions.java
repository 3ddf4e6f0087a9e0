package dev.dozor.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Options of {@code bench}: the platform bin/dozor started, then the scenario.
 *
 * @param root repository root (the report goes to {@code root/out})
 * @param stateDir bin/dozor's state directory (PID files of the measured processes)
 * @param gateway gateway base URL
 * @param telemetry telemetry-service base URL
 * @param rules rules-service base URL
 * @param dispatch dispatch-service base URL
 * @param dispatcherPassword password of the board user {@code dispatcher}
 * @param jdbcUrl PostgreSQL JDBC URL of the platform's database
 * @param dbUser database user
 * @param dbPassword database password
 * @param kafka Kafka bootstrap servers
 * @param vehicles load vehicles (the step rate is reached by compressing their simulated time)
 * @param interval simulated fix interval of a load vehicle
 * @param sendPeriod wall time between two requests of one load vehicle
 * @param stepDuration how long each offered-load step is held
 * @param startRate offered points/s of the first step
 * @param stepFactor multiplier from one step to the next
 * @param maxSteps highest number of steps
 * @param latencyDuration length of each fixed-rate latency phase
 * @param offenders SPD-001 offenders driving in real time at 1 Hz through the whole run
 * @param copyRows rows of the raw COPY reference
 * @param out report directory, relative to root unless absolute
 * @param seed seed of the simulated fleets
 * @param groundTruth optional JSON Lines file of injected faults to score as well
 */
public record BenchOptions(
    Path root,
    Path stateDir,
    URI gateway,
    URI telemetry,
    URI rules,
    URI dispatch,
    String dispatcherPassword,
    String jdbcUrl,
    String dbUser,
    String dbPassword,
    String kafka,
    int vehicles,
    Duration interval,
    Duration sendPeriod,
    Duration stepDuration,
    int startRate,
    double stepFactor,
    int maxSteps,
    Duration latencyDuration,
    int offenders,
    int copyRows,
    Path out,
    long seed,
    Path groundTruth) {

  public static final String USAGE =
      """
      usage: bin/dozor bench [options]
        --vehicles N          load vehicles (default 2000, 1..10000)
        --interval D          simulated fix interval of a load vehicle (default 1s)
        --send-period D       wall time between two requests of one vehicle (default 5s: a tracker sends its buffered fixes)
        --step-duration D     how long each load step is held (default 60s, at least 10s)
        --start-rate N        offered points/s of the first step (default 2000)
        --step-factor F       next step = previous x F (default 1.6, > 1)
        --max-steps N         at most N steps (default 6)
        --latency-duration D  each fixed-rate latency phase (default 60s)
        --offenders N         real-time SPD-001 offenders for violation latency (default 40)
        --copy-rows N         rows of the raw COPY reference (default 300000)
        --out DIR             report directory (default docs, relative to the repository)
        --seed N              fleet seed (default 42)
        --ground-truth FILE   also score injected faults from this JSON Lines file
      durations: 500ms, 20s, 5m, 1h or a bare number of seconds""";

  private static final List<String> PLATFORM =
      List.of(
          "root",
          "state-dir",
          "gateway",
          "telemetry",
          "rules",
          "dispatch",
          "dispatcher-password",
          "jdbc-url",
          "db-user",
          "db-password",
          "kafka");

  private static final List<String> SCENARIO =
      List.of(
          "vehicles",
          "interval",
          "send-period",
          "step-duration",
          "start-rate",
          "step-factor",
          "max-steps",
          "latency-duration",
          "offenders",
          "copy-rows",
          "out",
          "seed",
          "ground-truth");

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

  /** Thrown for bad flags; the message names the flag. */
  public static final class UsageException extends BenchException {
    public UsageException(String message) {
      super(message);
    }
  }

  /** Parses {@code args}; {@code --help} raises a UsageException with an empty message. */
  public static BenchOptions parse(String[] args) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("-h") || arg.equals("--help")) {
        throw new UsageException("");
      }
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument '" + arg + "' (flags start with --)");
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else {
        if (i + 1 >= args.length) {
          throw new UsageException("--" + name + " needs a value");
        }
        value = args[++i];
      }
      if (!PLATFORM.contains(name) && !SCENARIO.contains(name)) {
        throw new UsageException("unknown flag --" + name);
      }
      values.put(name, value);
    }
    List<String> missing = new ArrayList<>();
    for (String p : PLATFORM) {
      if (!values.containsKey(p)) {
        missing.add("--" + p);
      }
    }
    if (!missing.isEmpty()) {
      throw new UsageException(
          "missing "
              + String.join(", ", missing)
              + " (bin/dozor bench passes them; run the benchmark through bin/dozor)");
    }
    Path root = Path.of(values.get("root"));
    Path out = Path.of(values.getOrDefault("out", "docs"));
    return new BenchOptions(
        root,
        Path.of(values.get("state-dir")),
        uri(values, "gateway"),
        uri(values, "telemetry"),
        uri(values, "rules"),
        uri(values, "dispatch"),
        values.get("dispatcher-password"),
        values.get("jdbc-url"),
        values.get("db-user"),
        values.get("db-password"),
        values.get("kafka"),
        intFlag(values, "vehicles", 2000, 1, 10_000),
        duration(values, "interval", Duration.ofSeconds(1), Duration.ofMillis(100)),
        duration(values, "send-period", Duration.ofSeconds(5), Duration.ofMillis(100)),
        duration(values, "step-duration", Duration.ofSeconds(60), Duration.ofSeconds(10)),
        intFlag(values, "start-rate", 2000, 1, 1_000_000),
        doubleFlag(values, "step-factor", 1.6),
        intFlag(values, "max-steps", 6, 1, 50),
        duration(values, "latency-duration", Duration.ofSeconds(60), Duration.ofSeconds(10)),
        intFlag(values, "offenders", 40, 0, 1000),
        intFlag(values, "copy-rows", 300_000, 1000, 100_000_000),
        out.isAbsolute() ? out : root.resolve(out),
        longFlag(values, "seed", 42),
        values.containsKey("ground-truth") ? Path.of(values.get("ground-truth")) : null);
  }

  /** The user's scenario flags as typed, for the report's command line. */
  public String scenarioLine() {
    return String.format(
        Locale.ROOT,
        "bin/dozor bench --vehicles %d --interval %s --send-period %s --step-duration %s"
            + " --start-rate %d --step-factor %s --max-steps %d --latency-duration %s"
            + " --offenders %d --copy-rows %d --seed %d%s",
        vehicles,
        format(interval),
        format(sendPeriod),
        format(stepDuration),
        startRate,
        stepFactor,
        maxSteps,
        format(latencyDuration),
        offenders,
        copyRows,
        seed,
        groundTruth == null ? "" : " --ground-truth " + groundTruth);
  }

  static String format(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }

  private static URI uri(Map<String, String> values, String name) {
    String v = values.get(name);
    try {
      URI u = URI.create(v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
      if (u.getScheme() == null || u.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "--" + name + " must be a URL like http://127.0.0.1:18080, got '" + v + "'");
    }
  }

  static int intFlag(Map<String, String> values, String name, int def, int min, int max) {
    long v = longFlag(values, name, def);
    if (v < min || v > max) {
      throw new UsageException("--" + name + " must be " + min + ".." + max + ", got " + v);
    }
    return (int) v;
  }

  static long longFlag(Map<String, String> values, String name, long def) {
    String v = values.get(name);
    if (v == null) {
      return def;
    }
    try {
      return Long.parseLong(v.replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a whole number, got '" + v + "'");
    }
  }

  static double doubleFlag(Map<String, String> values, String name, double def) {
    String v = values.get(name);
    if (v == null) {
      return def;
    }
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a number, got '" + v + "'");
    }
    if (!(d > 1.0) || d > 10) {
      throw new UsageException("--" + name + " must be above 1 and at most 10, got " + v);
    }
    return d;
  }

  static Duration duration(Map<String, String> values, String name, Duration def, Duration min) {
    String v = values.get(name);
    if (v == null) {
      return def;
    }
    Matcher m = DURATION.matcher(v.trim());
    if (!m.matches()) {
      throw new UsageException(
          "--" + name + " must be a duration like 500ms, 20s, 5m or 1h, got '" + v + "'");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    Duration d =
        switch (unit) {
          case "ms" -> Duration.ofMillis(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofSeconds(n);
        };
    if (d.compareTo(min) < 0) {
      throw new UsageException("--" + name + " must be at least " + format(min) + ", got " + v);
    }
    return d;
  }
}
