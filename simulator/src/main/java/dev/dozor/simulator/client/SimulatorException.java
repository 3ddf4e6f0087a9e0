package dev.dozor.simulator.client;

/** A failure the operator has to act on; the message names the URL, the status and the cause. */
public class SimulatorException extends RuntimeException {
  public SimulatorException(String message) {
    super(message);
  }

  public SimulatorException(String message, Throwable cause) {
    super(message, cause);
  }
}
