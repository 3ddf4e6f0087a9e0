package dev.dozor.bench;

/** A benchmark failure a user can act on: the message names what failed and why. */
public class BenchException extends RuntimeException {
  public BenchException(String message) {
    super(message);
  }

  public BenchException(String message, Throwable cause) {
    super(message, cause);
  }
}
