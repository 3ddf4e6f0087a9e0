package dev.dozor.bench.load;

/** The load cannot run (registration refused, the gateway never accepted the fleet). */
public class LoadException extends RuntimeException {
  public LoadException(String message) {
    super(message);
  }

  public LoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
