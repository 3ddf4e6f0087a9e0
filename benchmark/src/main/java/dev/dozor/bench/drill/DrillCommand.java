package dev.dozor.bench.drill;

import org.slf4j.LoggerFactory;

/**
 * {@code bin/dozor drill}: under a steady load, kill -9 each service and restart Kafka and
 * PostgreSQL in turn; after each fault compare acknowledged with stored points and expected with
 * raised SPD-001 violations, and report recovery times. Writes {@code docs/drills.md}.
 */
public final class DrillCommand {
  private DrillCommand() {}

  public static int run(String[] args) {
    DrillOptions options;
    try {
      options = DrillOptions.parse(args);
    } catch (IllegalArgumentException e) {
      if (!"help".equals(e.getMessage())) {
        System.err.println("drill: error: " + e.getMessage());
      }
      System.err.println(DrillOptions.USAGE);
      return 2;
    }
    try {
      return new DrillRunner(options, System.out).run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.err.println("drill: interrupted");
      return 130;
    } catch (Exception e) {
      LoggerFactory.getLogger(DrillCommand.class).error("drill failed", e);
      return 1;
    }
  }
}
