package dev.dozor.simulator;

import dev.dozor.simulator.firehose.FirehoseRunner;
import dev.dozor.simulator.replay.ReplayRunner;
import java.time.Duration;

/** Command-line entry of {@code dozor-simulator.jar}. */
public final class SimulatorMain {
  static final int EXIT_USAGE = 2;

  private SimulatorMain() {}

  public static void main(String[] args) {
    CliParser.Command command;
    try {
      command = CliParser.parse(args);
    } catch (CliException e) {
      System.err.println("dozor-simulator: " + e.getMessage());
      System.err.println("Run with --help for usage.");
      System.exit(EXIT_USAGE);
      return;
    }
    if (command instanceof CliParser.Help) {
      System.out.print(CliParser.USAGE);
      return;
    }
    if (command instanceof CliParser.Firehose firehose) {
      FirehoseRunner runner = new FirehoseRunner(firehose.options(), System.out, System.err, null);
      Runtime.getRuntime().addShutdownHook(new Thread(runner::stop, "firehose-shutdown"));
      System.exit(runner.run());
      return;
    }
    if (command instanceof CliParser.Replay replay) {
      ReplayRunner runner = new ReplayRunner(replay.options(), System.out, System.err);
      Runtime.getRuntime().addShutdownHook(new Thread(runner::stop, "replay-shutdown"));
      System.exit(runner.run());
      return;
    }
    DemoOptions options = ((CliParser.Demo) command).options();
    DemoRunner runner = new DemoRunner(options, System.out, System.err);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  runner.stop();
                  try {
                    runner.awaitFinished(DemoRunner.FINAL_FLUSH.plus(Duration.ofSeconds(10)));
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "sim-shutdown"));
    System.exit(runner.run());
  }
}
