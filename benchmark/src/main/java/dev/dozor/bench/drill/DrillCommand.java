package dev.dozor.bench.drill;

/** {@code bin/dozor drill}: placeholder until the drills are written. */
public final class DrillCommand {
  private DrillCommand() {}

  public static int run(String[] args) {
    System.err.println("drill: not implemented yet");
    return 2;
  }
}
