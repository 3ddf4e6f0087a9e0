package dev.dozor.rules.telemetry;

/** A telemetry record that could not be read; it goes to the dead-letter topic with this reason. */
public class MalformedTelemetryException extends RuntimeException {
  public MalformedTelemetryException(String message) {
    super(message);
  }
}
