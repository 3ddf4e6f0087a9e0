package dev.dozor.telemetry.profile;

import dev.dozor.events.ChannelMapping;
import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.Equipment;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.profile.DeviceProfileDtos.MappingRequest;
import dev.dozor.telemetry.profile.DeviceProfileDtos.ProfileRequest;
import dev.dozor.telemetry.registry.RegistryValidation;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a device profile request and turns it into the contract record; throws {@link
 * ApiException} naming the field, e.g. {@code mappings[1].channel}.
 */
public final class DeviceProfileValidation {
  /** Channels a profile can drive: the components of {@link Equipment}, in their order. */
  public static final List<String> CHANNELS =
      Arrays.stream(Equipment.class.getRecordComponents()).map(RecordComponent::getName).toList();

  /** Channels that are on/off; the others (spreadRateGm2) are numbers. */
  public static final List<String> BOOLEAN_CHANNELS =
      Arrays.stream(Equipment.class.getRecordComponents())
          .filter(c -> c.getType() == Boolean.class)
          .map(RecordComponent::getName)
          .toList();

  public static final int MAX_INPUT = 64;

  /** Raw input names: din3, ain1, cnt2, lls1, a Wialon IPS parameter, an OsmAnd parameter. */
  private static final Pattern INPUT = Pattern.compile("[A-Za-z0-9_.:-]{1," + MAX_INPUT + "}");

  private DeviceProfileValidation() {}

  public static DeviceProfileRecord profile(String id, ProfileRequest body) {
    RegistryValidation.requireId(id);
    if (body == null) {
      throw ApiException.invalid("body", "a JSON body with name and mappings is required");
    }
    String name = RegistryValidation.requireText("name", body.name());
    List<MappingRequest> requests = body.mappings() == null ? List.of() : body.mappings();
    List<ChannelMapping> mappings = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      ChannelMapping mapping = mapping("mappings[" + i + "]", requests.get(i));
      Integer first = seen.putIfAbsent(mapping.channel(), i);
      if (first != null) {
        throw ApiException.invalid(
            "mappings[" + i + "].channel",
            "channel '"
                + mapping.channel()
                + "' is already mapped by mappings["
                + first
                + "]; at most one mapping per channel");
      }
      mappings.add(mapping);
    }
    return DeviceProfileRecord.of(id, name, mappings);
  }

  private static ChannelMapping mapping(String at, MappingRequest m) {
    if (m == null) {
      throw ApiException.invalid(at, at + " must be an object with channel and input");
    }
    if (m.channel() == null || !CHANNELS.contains(m.channel())) {
      throw ApiException.invalid(
          at + ".channel", "channel must be one of " + CHANNELS + ", was '" + m.channel() + "'");
    }
    if (m.input() == null || !INPUT.matcher(m.input()).matches()) {
      throw ApiException.invalid(
          at + ".input",
          "input must be 1-"
              + MAX_INPUT
              + " characters of letters, digits and _ . : - (e.g. din3, ain1), was '"
              + m.input()
              + "'");
    }
    finite(at + ".scale", m.scale());
    finite(at + ".offset", m.offset());
    finite(at + ".threshold", m.threshold());
    if (m.scale() != null && m.scale() == 0) {
      throw ApiException.invalid(at + ".scale", "scale 0 would ignore the input");
    }
    boolean inverted = Boolean.TRUE.equals(m.inverted());
    if (!BOOLEAN_CHANNELS.contains(m.channel())) {
      if (inverted) {
        throw ApiException.invalid(
            at + ".inverted",
            "inverted applies to on/off channels only; "
                + m.channel()
                + " is a number (use a negative scale)");
      }
      if (m.threshold() != null) {
        throw ApiException.invalid(
            at + ".threshold",
            "threshold applies to on/off channels only; " + m.channel() + " is a number");
      }
    }
    return new ChannelMapping(
        m.channel(), m.input(), inverted, m.scale(), m.offset(), m.threshold());
  }

  private static void finite(String field, Double value) {
    if (value != null && !Double.isFinite(value)) {
      throw ApiException.invalid(field, field + " must be a finite number");
    }
  }
}
