package dev.dozor.gateway.profile;

import dev.dozor.events.ChannelMapping;
import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.Equipment;
import dev.dozor.protocol.RawFix;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Applies a {@link DeviceProfileRecord} to the raw inputs of a fix (see {@link ChannelMapping} for
 * the calibration rules). Pure: the same inputs and profile always give the same result.
 */
public final class ProfileMapper {
  /** The numeric channel; every other channel is boolean. */
  public static final String SPREAD_RATE = "spreadRateGm2";

  /** The boolean channels of {@link Equipment}. */
  public static final Set<String> BOOLEAN_CHANNELS =
      Set.of("plough", "brush", "spreader", "bodyTip", "ignition", "pto");

  /** Attribute names of the fix fields that have no place of their own in a telemetry point. */
  public static final String ALTITUDE = "altitude";

  public static final String SATELLITES = "sats";

  private ProfileMapper() {}

  /** Maps the inputs and text parameters of {@code fix}; adds its altitude and satellites. */
  public static MappedInputs map(RawFix fix, DeviceProfileRecord profile) {
    MappedInputs mapped = map(fix.inputs(), fix.text(), profile);
    if (fix.altitudeM() == null && fix.satellites() == null) {
      return mapped;
    }
    Map<String, String> attributes = new LinkedHashMap<>(mapped.attributes());
    if (fix.altitudeM() != null) {
      attributes.put(ALTITUDE, format(fix.altitudeM()));
    }
    if (fix.satellites() != null) {
      attributes.put(SATELLITES, Integer.toString(fix.satellites()));
    }
    return new MappedInputs(mapped.equipment(), attributes);
  }

  /**
   * Maps raw inputs to channels.
   *
   * @param inputs numeric raw inputs by name
   * @param text non-numeric raw parameters by name; never mapped, always kept as attributes
   * @param profile the device's profile, or null: then every input stays an attribute
   */
  public static MappedInputs map(
      Map<String, Double> inputs, Map<String, String> text, DeviceProfileRecord profile) {
    Map<String, Object> channels = new HashMap<>();
    Set<String> used = new HashSet<>();
    if (profile != null) {
      for (ChannelMapping m : profile.mappings()) {
        if (!isUsable(m) || channels.containsKey(m.channel())) {
          continue;
        }
        used.add(m.input());
        Double raw = inputs.get(m.input());
        channels.put(m.channel(), raw == null ? null : channelValue(m, raw));
      }
    }
    Map<String, String> attributes = new TreeMap<>();
    inputs.forEach(
        (name, value) -> {
          if (!used.contains(name) && value != null) {
            attributes.put(name, format(value));
          }
        });
    text.forEach(
        (name, value) -> {
          if (value != null) {
            attributes.putIfAbsent(name, value);
          }
        });
    return new MappedInputs(equipment(channels), attributes);
  }

  /**
   * The calibrated value of one channel. Boolean: on when {@code raw * scale + offset} is at least
   * the threshold (without one: not 0), negated when inverted. {@code spreadRateGm2}: {@code raw *
   * scale + offset}, at least 0 (a calibration offset must not make a rate negative). Null when the
   * raw value is not a finite number.
   */
  static Object channelValue(ChannelMapping m, double raw) {
    double scale = m.scale() == null ? 1.0 : m.scale();
    double offset = m.offset() == null ? 0.0 : m.offset();
    double calibrated = raw * scale + offset;
    if (!Double.isFinite(calibrated)) {
      return null;
    }
    if (SPREAD_RATE.equals(m.channel())) {
      return Math.max(0.0, calibrated);
    }
    boolean on = m.threshold() == null ? calibrated != 0 : calibrated >= m.threshold();
    return m.inverted() != on;
  }

  /**
   * What is wrong with a profile, for a log line when it is loaded: mappings that name an unknown
   * channel or no input are ignored, and only the first mapping of a channel counts.
   */
  public static List<String> problems(DeviceProfileRecord profile) {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ChannelMapping m : profile.mappings()) {
      if (m == null) {
        problems.add("an empty mapping is ignored");
      } else if (!isKnownChannel(m.channel())) {
        problems.add(
            "mapping of input "
                + m.input()
                + " names unknown channel "
                + m.channel()
                + " and is ignored; channels: "
                + SPREAD_RATE
                + ", "
                + String.join(", ", new TreeSet<>(BOOLEAN_CHANNELS)));
      } else if (m.input() == null || m.input().isBlank()) {
        problems.add("mapping of channel " + m.channel() + " names no input and is ignored");
      } else if (!seen.add(m.channel())) {
        problems.add(
            "channel "
                + m.channel()
                + " is mapped more than once; input "
                + m.input()
                + " ignored");
      }
    }
    return problems;
  }

  /**
   * A number as an attribute value: integers without a trailing {@code .0}, others in plain
   * notation ({@code 12.5}, {@code 0.00001}).
   */
  public static String format(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static boolean isUsable(ChannelMapping m) {
    return m != null && isKnownChannel(m.channel()) && m.input() != null && !m.input().isBlank();
  }

  private static boolean isKnownChannel(String channel) {
    return SPREAD_RATE.equals(channel) || BOOLEAN_CHANNELS.contains(channel);
  }

  private static Equipment equipment(Map<String, Object> c) {
    if (c.isEmpty()) {
      return Equipment.NONE;
    }
    return new Equipment(
        (Boolean) c.get("plough"),
        (Boolean) c.get("brush"),
        (Boolean) c.get("spreader"),
        (Double) c.get(SPREAD_RATE),
        (Boolean) c.get("bodyTip"),
        (Boolean) c.get("ignition"),
        (Boolean) c.get("pto"));
  }
}
