package dev.dozor.gateway.osmand;

/**
 * A request the OsmAnd decoder cannot read; the message names the parameter and is answered
 * verbatim (400).
 */
public class OsmAndFormatException extends RuntimeException {
  private final String parameter;

  public OsmAndFormatException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The query/form parameter or JSON path at fault, e.g. {@code lat}, {@code location.coords}. */
  public String parameter() {
    return parameter;
  }
}
