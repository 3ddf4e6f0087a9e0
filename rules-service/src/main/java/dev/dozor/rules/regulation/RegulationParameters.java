package dev.dozor.rules.regulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The thresholds in force for one regulation, inserted as a fact into every vehicle session so the
 * DRL reads them instead of hard-coding numbers.
 */
public final class RegulationParameters implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final String regulationId;
  private final Map<String, Double> values;
  // the same as two arrays in the map's order: a regulation has a handful of parameters, and the
  // rules ask for one on almost every fix, by an interned literal found here by reference
  private final transient String[] names;
  private final transient double[] numbers;

  public RegulationParameters(String regulationId, Map<String, Double> values) {
    this.regulationId = regulationId;
    // the names as the JVM's one instance of each: the DRLs ask by string literals (interned), so
    // a look-up finds its key by reference instead of comparing the characters
    Map<String, Double> interned = new LinkedHashMap<>();
    values.forEach((name, value) -> interned.put(name.intern(), value));
    this.values = Collections.unmodifiableMap(interned);
    List<String> known = new ArrayList<>(interned.size());
    List<Double> numbersKnown = new ArrayList<>(interned.size());
    interned.forEach(
        (name, value) -> {
          if (value != null) {
            known.add(name);
            numbersKnown.add(value);
          }
        });
    this.names = known.toArray(String[]::new);
    this.numbers = numbersKnown.stream().mapToDouble(Double::doubleValue).toArray();
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
    // (a read checkpoint's object is replaced by readResolve; its arrays are never null in use)
    for (int i = 0; names != null && i < names.length; i++) {
      if (names[i] == name) {
        return numbers[i];
      }
    }
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
