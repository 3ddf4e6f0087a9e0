package dev.dozor.telemetry.query;

import dev.dozor.events.Equipment;
import dev.dozor.events.JsonSerde;
import java.util.List;

/**
 * The boolean equipment channels of a fix packed into one int, two bits per channel (0 = not
 * reported, 1 = false, 2 = true), so a track or a mileage holds one int per fix instead of an
 * object. {@code spreadRateGm2} is not packed: it varies continuously and would split every run.
 */
public final class EquipmentBits {
  /** Channel names in bit order (channel i uses bits 2i and 2i+1). */
  public static final List<String> CHANNELS =
      List.of("plough", "brush", "spreader", "bodyTip", "ignition", "pto");

  /** The working channels: a step is "equipment on" when one of these is true. */
  public static final List<String> WORKING = List.of("plough", "brush", "spreader");

  private EquipmentBits() {}

  /** Packs an equipment record (null = nothing reported). */
  public static int of(Equipment e) {
    return e == null
        ? 0
        : of(e.plough(), e.brush(), e.spreader(), e.bodyTip(), e.ignition(), e.pto());
  }

  /**
   * Packs the {@code equipment} jsonb text of consecutive rows, parsing only when the text differs
   * from the previous row's: equipment changes a few times a day, and selecting the text costs the
   * database less than extracting six keys per row. Not thread-safe; one per query.
   */
  public static final class TextDecoder {
    private String last;
    private int lastBits;

    /** The packed channels of {@code json}; null or unparseable text is "nothing reported". */
    public int bits(String json) {
      if (json == null) {
        return 0;
      }
      if (!json.equals(last)) {
        int bits;
        try {
          bits = of(JsonSerde.fromJson(json, Equipment.class));
        } catch (RuntimeException e) {
          bits = 0; // not an object (never written by this service)
        }
        last = json;
        lastBits = bits;
      }
      return lastBits;
    }
  }

  /** The packed value of channel {@code i}: null when not reported. */
  public static Boolean channel(int bits, int i) {
    return switch ((bits >>> (2 * i)) & 3) {
      case 1 -> Boolean.FALSE;
      case 2 -> Boolean.TRUE;
      default -> null;
    };
  }

  /** Whether channel {@code i} is reported true. */
  public static boolean isOn(int bits, int i) {
    return ((bits >>> (2 * i)) & 3) == 2;
  }

  /** Whether a working channel (plough, brush, spreader) is on. */
  public static boolean working(int bits) {
    return isOn(bits, 0) || isOn(bits, 1) || isOn(bits, 2);
  }

  /** Packs channel values given in {@link #CHANNELS} order (null = not reported); for tests. */
  public static int of(Boolean... values) {
    int bits = 0;
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        bits |= (values[i] ? 2 : 1) << (2 * i);
      }
    }
    return bits;
  }
}
