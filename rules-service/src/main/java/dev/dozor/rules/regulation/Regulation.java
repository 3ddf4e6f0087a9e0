package dev.dozor.rules.regulation;

import java.util.List;
import java.util.Map;

/**
 * Metadata of one regulation, read from {@code regulations/<id>.json}; its rules live in the DRL
 * file named by {@link #drl}.
 *
 * @param id e.g. {@code SPD-001}; every rule name in the DRL starts with it
 * @param version raised on every change of rules or defaults; carried by each violation
 * @param title short title
 * @param description what is checked and why
 * @param severity {@code LOW}, {@code MEDIUM} or {@code HIGH}
 * @param vehicleTypes vehicle types the regulation is meant for (informative; see README)
 * @param drl file name of the rules, next to the JSON
 * @param parameters thresholds by name (the unit is part of the name: {@code speedLimitKmh})
 * @param overrides values replacing defaults per vehicle type, district or contractor
 */
public record Regulation(
    String id,
    int version,
    LocalizedText title,
    LocalizedText description,
    String severity,
    List<String> vehicleTypes,
    String drl,
    Map<String, ParameterSpec> parameters,
    List<ParameterOverride> overrides) {

  public Regulation {
    vehicleTypes = vehicleTypes == null ? List.of() : List.copyOf(vehicleTypes);
    parameters =
        parameters == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    overrides = overrides == null ? List.of() : List.copyOf(overrides);
  }

  /** The default value of every parameter, by name. */
  public RegulationParameters defaultParameters() {
    Map<String, Double> values = new java.util.LinkedHashMap<>();
    parameters.forEach((name, spec) -> values.put(name, spec.defaultValue()));
    return new RegulationParameters(id, values);
  }
}
