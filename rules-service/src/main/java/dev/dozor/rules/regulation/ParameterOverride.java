package dev.dozor.rules.regulation;

import java.util.Map;
import java.util.Set;

/**
 * Parameter values that replace a regulation's defaults for one vehicle type, one district or one
 * contractor. Overrides apply in the order of {@link #SCOPES}: a contractor's value beats a
 * district's, which beats a vehicle type's.
 *
 * @param scope {@code vehicleType}, {@code district} or {@code contractor}
 * @param value the vehicle type ({@code plough}), district (OKTMO) or contractor id
 * @param parameters values by parameter name
 */
public record ParameterOverride(String scope, String value, Map<String, Double> parameters) {
  public static final String VEHICLE_TYPE = "vehicleType";
  public static final String DISTRICT = "district";
  public static final String CONTRACTOR = "contractor";

  /** Scopes from the weakest to the strongest. */
  public static final java.util.List<String> SCOPES =
      java.util.List.of(VEHICLE_TYPE, DISTRICT, CONTRACTOR);

  static final Set<String> SCOPE_SET = Set.copyOf(SCOPES);

  public ParameterOverride {
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
  }
}
