package dev.dozor.telemetry.coverage;

/** What a coverage answer is about. */
public enum CoverageScope {
  DISTRICT("district"),
  ASSIGNMENT("assignment");

  private final String label;

  CoverageScope(String label) {
    this.label = label;
  }

  /** The name used in the query parameter and in {@code summary.scope}. */
  public String label() {
    return label;
  }
}
