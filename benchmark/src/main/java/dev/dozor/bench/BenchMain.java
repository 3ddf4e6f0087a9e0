package dev.dozor.bench;

import dev.dozor.bench.drill.DrillCommand;
import dev.dozor.bench.gateway.GatewayBenchCommand;
import dev.dozor.bench.rules.RulesBenchCommand;
import dev.dozor.bench.telemetry.TelemetryBenchCommand;
import java.util.Arrays;

/**
 * Entry point of the instruments, run by {@code bin/dozor bench} and {@code bin/dozor drill}.
 *
 * <p>bin/dozor passes the platform it started: {@code --root --state-dir --gateway --telemetry
 * --rules --dispatch --dispatcher-password --jdbc-url --db-user --db-password --kafka}, followed by
 * the user's own flags.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      usage();
      System.exit(2);
    }
    // before any logger exists: Kafka's admin client logs its whole configuration at INFO, and the
    // progress lines on stdout are the user interface of both commands
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    int code =
        switch (args[0]) {
          case "bench" -> BenchCommand.run(rest, System.out);
          case "drill" -> DrillCommand.run(rest);
          case "gateway-bench" -> GatewayBenchCommand.run(rest, System.out);
          case "telemetry-bench" -> TelemetryBenchCommand.run(rest, System.out);
          case "rules-bench" -> RulesBenchCommand.run(rest, System.out);
          default -> {
            usage();
            yield 2;
          }
        };
    System.exit(code);
  }

  private static void usage() {
    System.err.println(
        "usage: dozor-bench.jar bench|drill|gateway-bench|telemetry-bench|rules-bench [options]  (see --help of each)");
  }
}
