package dev.dozor.simulator;

/** A command line the simulator cannot run; the message says which argument and why. */
public final class CliException extends Exception {
  public CliException(String message) {
    super(message);
  }
}
