package dev.dozor.gateway.profile;

import dev.dozor.events.Equipment;
import java.util.Map;

/**
 * What a device profile made of one fix's raw inputs.
 *
 * @param equipment the normalised channels; a channel is null when no mapping names it or its input
 *     was missing from the fix
 * @param attributes every raw input and text parameter no mapping used, plus {@code altitude} and
 *     {@code sats} when the fix carried them
 */
public record MappedInputs(Equipment equipment, Map<String, String> attributes) {}
