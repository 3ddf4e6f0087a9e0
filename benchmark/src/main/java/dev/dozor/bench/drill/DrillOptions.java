package dev.dozor.bench.drill;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Options of {@code bin/dozor drill}: the platform bin/dozor passes, then the user's flags.
 *
 * @param drills components to fault, in order: gateway telemetry rules dispatch (kill -9), kafka
 *     postgres (restart)
 */
public record DrillOptions(
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
    int offenders,
    double rate,
    int batch,
    int inFlight,
    List<String> drills,
    Duration warmup,
    Duration settle,
    Duration outage,
    Duration recoveryTimeout,
    Duration drainTimeout,
    long lagThreshold,
    Path output,
    String prefix) {

  static final List<String> ALL_DRILLS =
      List.of("gateway", "telemetry", "rules", "dispatch", "kafka", "postgres");

  static final String USAGE =
      """
      usage: bin/dozor drill [--vehicles 300] [--offenders 4] [--rate 2000] [--batch 10]
                             [--in-flight 64] [--drills gateway,telemetry,rules,dispatch,kafka,postgres]
                             [--warmup 30s] [--settle 20s] [--outage 3s] [--recovery-timeout 180s]
                             [--drain-timeout 180s] [--lag-threshold N] [--output docs/drills.md]
                             [--prefix drill-xxxx-]
      Under a steady load (rate = points/s over the fleet), kills -9 each service and restarts Kafka and
      PostgreSQL in turn, restarting with bin/dozor up --no-sim; after each fault it pauses the load,
      waits until the pipeline drained and compares acknowledged with stored points and expected with
      raised SPD-001 violations. Exit 1 on any lost or duplicated point or lost/doubled violation.""";

  private static final Set<String> PLATFORM_FLAGS =
      Set.of(
          "--root",
          "--state-dir",
          "--gateway",
          "--telemetry",
          "--rules",
          "--dispatch",
          "--dispatcher-password",
          "--jdbc-url",
          "--db-user",
          "--db-password",
          "--kafka");

  /** Parses the arguments; throws IllegalArgumentException naming the flag. */
  public static DrillOptions parse(String[] args) {
    Map<String, String> v = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help") || flag.equals("-h")) {
        throw new IllegalArgumentException("help");
      }
      if (!flag.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --flag value, got " + flag);
      }
      v.put(flag, args[++i]);
    }
    for (String required : PLATFORM_FLAGS) {
      if (!v.containsKey(required)) {
        throw new IllegalArgumentException(
            required + " is missing (bin/dozor drill passes the platform flags)");
      }
    }
    Path root = Path.of(v.get("--root")).toAbsolutePath();
    List<String> drills =
        new ArrayList<>(
            Arrays.stream(v.getOrDefault("--drills", String.join(",", ALL_DRILLS)).split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList());
    for (String d : drills) {
      if (!ALL_DRILLS.contains(d)) {
        throw new IllegalArgumentException("--drills: unknown '" + d + "'; one of " + ALL_DRILLS);
      }
    }
    String output = v.getOrDefault("--output", "docs/drills.md");
    return new DrillOptions(
        root,
        Path.of(v.get("--state-dir")).toAbsolutePath(),
        URI.create(v.get("--gateway")),
        URI.create(v.get("--telemetry")),
        URI.create(v.get("--rules")),
        URI.create(v.get("--dispatch")),
        v.get("--dispatcher-password"),
        v.get("--jdbc-url"),
        v.get("--db-user"),
        v.get("--db-password"),
        v.get("--kafka"),
        intFlag(v, "--vehicles", 300, 1),
        intFlag(v, "--offenders", 4, 0),
        doubleFlag(v, "--rate", 2000),
        intFlag(v, "--batch", 10, 1),
        intFlag(v, "--in-flight", 64, 1),
        List.copyOf(drills),
        duration(v, "--warmup", "30s"),
        duration(v, "--settle", "20s"),
        duration(v, "--outage", "3s"),
        duration(v, "--recovery-timeout", "180s"),
        duration(v, "--drain-timeout", "180s"),
        Long.parseLong(v.getOrDefault("--lag-threshold", "0")),
        root.resolve(output),
        v.getOrDefault("--prefix", "drill-" + Long.toHexString(System.currentTimeMillis()) + "-"));
  }

  private static int intFlag(Map<String, String> v, String flag, int def, int min) {
    try {
      int n = Integer.parseInt(v.getOrDefault(flag, Integer.toString(def)));
      if (n < min) {
        throw new IllegalArgumentException(flag + " must be >= " + min + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " must be a whole number: " + v.get(flag));
    }
  }

  private static double doubleFlag(Map<String, String> v, String flag, double def) {
    try {
      double d = Double.parseDouble(v.getOrDefault(flag, Double.toString(def)));
      if (!(d > 0)) {
        throw new IllegalArgumentException(flag + " must be > 0, got " + d);
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " must be a number: " + v.get(flag));
    }
  }

  /** {@code 500ms}, {@code 30s}, {@code 2m}. */
  static Duration duration(Map<String, String> v, String flag, String def) {
    String s = v.getOrDefault(flag, def).trim();
    try {
      if (s.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
      }
      if (s.endsWith("s")) {
        return Duration.ofMillis(
            Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 1000));
      }
      if (s.endsWith("m")) {
        return Duration.ofSeconds(
            Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 60));
      }
      return Duration.ofSeconds(Long.parseLong(s));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " must be a duration like 500ms, 30s or 2m: " + s);
    }
  }
}
