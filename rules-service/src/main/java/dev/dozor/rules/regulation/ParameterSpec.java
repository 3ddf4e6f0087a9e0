package dev.dozor.rules.regulation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A threshold of a regulation: data, not code, so an administrator can change it without editing
 * DRL.
 *
 * @param defaultValue value in force unless overridden
 * @param unit unit of the value ({@code km/h}, {@code s}, …)
 * @param description what the threshold means
 */
public record ParameterSpec(
    @JsonProperty("default") Double defaultValue, String unit, LocalizedText description) {}
