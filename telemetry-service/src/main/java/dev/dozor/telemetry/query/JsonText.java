package dev.dozor.telemetry.query;

import java.time.Instant;

/**
 * Appends JSON tokens to a StringBuilder, for answers too large to build as objects (a day's track
 * is 86,400 coordinates). Coordinates are written with 7 decimals (about 1 cm), trailing zeros cut.
 */
public final class JsonText {
  private static final long[] POW10 = {
    1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L
  };

  private JsonText() {}

  /** A coordinate in degrees, rounded to 7 decimals. */
  public static StringBuilder coordinate(StringBuilder sb, double degrees) {
    return fixed(sb, degrees, 7);
  }

  /** {@code value} rounded to {@code decimals} (0..8) decimals, trailing zeros cut. */
  public static StringBuilder fixed(StringBuilder sb, double value, int decimals) {
    if (!Double.isFinite(value)) {
      return sb.append("null");
    }
    long scale = POW10[decimals];
    long scaled = Math.round(Math.abs(value) * scale);
    if (scaled != 0 && value < 0) {
      sb.append('-');
    }
    sb.append(scaled / scale);
    long frac = scaled % scale;
    if (frac != 0) {
      int digits = decimals;
      while (frac % 10 == 0) {
        frac /= 10;
        digits--;
      }
      sb.append('.');
      for (long p = POW10[digits - 1]; p > frac; p /= 10) {
        sb.append('0');
      }
      sb.append(frac);
    }
    return sb;
  }

  /** A quoted JSON string. */
  public static StringBuilder string(StringBuilder sb, String s) {
    if (s == null) {
      return sb.append("null");
    }
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"');
  }

  /** An instant from epoch milliseconds as a quoted ISO-8601 string. */
  public static StringBuilder instant(StringBuilder sb, long epochMs) {
    return sb.append('"').append(Instant.ofEpochMilli(epochMs)).append('"');
  }

  /** {@code "name":} */
  public static StringBuilder name(StringBuilder sb, String name) {
    return string(sb, name).append(':');
  }

  /** The reported channels of packed equipment as a JSON object, e.g. {@code {"plough":true}}. */
  public static StringBuilder equipment(StringBuilder sb, int bits) {
    sb.append('{');
    boolean first = true;
    for (int i = 0; i < EquipmentBits.CHANNELS.size(); i++) {
      Boolean v = EquipmentBits.channel(bits, i);
      if (v != null) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        name(sb, EquipmentBits.CHANNELS.get(i)).append(v);
      }
    }
    return sb.append('}');
  }
}
