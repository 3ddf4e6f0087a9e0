package dev.dozor.bench;

/** {@code bin/dozor bench}: placeholder until the benchmark is written. */
public final class BenchCommand {
  private BenchCommand() {}

  public static int run(String[] args) {
    System.err.println("bench: not implemented yet");
    return 2;
  }
}
