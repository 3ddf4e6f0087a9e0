package dev.dozor.rules.regulation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The thresholds in force for one regulation, inserted as a fact into every vehicle session so the
 * DRL reads them instead of hard-coding numbers.
 */
public final class RegulationParameters implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final String regulationId;
  private final Map<String, Double> values;

  public RegulationParameters(String regulationId, Map<String, Double> values) {
    this.regulationId = regulationId;
    // the names as the JVM's one instance of each: the DRLs ask by string literals (interned), so
    // a look-up finds its key by reference instead of comparing the characters
    Map<String, Double> interned = new LinkedHashMap<>();
    values.forEach((name, value) -> interned.put(name.intern(), value));
    this.values = Collections.unmodifiableMap(interned);
  }

  /** A checkpoint's parameters get interned names again. */
  private Object readResolve() {
    return new RegulationParameters(regulationId, values);
  }

  public String getRegulationId() {
    return regulationId;
  }

  public Map<String, Double> getValues() {
    return values;
  }

  /** The value of a parameter; an unknown name is a bug in the DRL or the JSON, so it throws. */
  public double value(String name) {
    Double value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException(
          "regulation " + regulationId + " has no parameter '" + name + "'");
    }
    return value;
  }

  /** A parameter in seconds (name ending in {@code S}) as milliseconds, for comparing fix times. */
  public long millis(String name) {
    return Math.round(value(name) * 1000.0);
  }

  @Override
  public String toString() {
    return "RegulationParameters[" + regulationId + " " + values + "]";
  }
}
