package dev.dozor.telemetry.geo;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the OSM {@code maxspeed} tag into km/h. */
public final class MaxSpeed {
  /** Implicit limits of Russian road classes (OSM {@code RU:*} values). */
  private static final Map<String, Integer> IMPLICIT =
      Map.of("ru:urban", 60, "ru:rural", 90, "ru:motorway", 110, "ru:living_street", 20);

  private static final Pattern KMH = Pattern.compile("(\\d{1,3})\\s*(?:km/h|kmh|kph)?");

  private MaxSpeed() {}

  /**
   * {@code "60"} / {@code "60 km/h"} → 60, {@code "RU:urban"} → 60, {@code "RU:rural"} → 90;
   * anything else (mph, "none", "signals", blank, null) → null.
   */
  public static Integer parseKmh(String tag) {
    if (tag == null || tag.isBlank()) {
      return null;
    }
    String value = tag.trim();
    Integer implicit = IMPLICIT.get(value.toLowerCase(java.util.Locale.ROOT));
    if (implicit != null) {
      return implicit;
    }
    Matcher m = KMH.matcher(value);
    if (m.matches()) {
      int kmh = Integer.parseInt(m.group(1));
      return kmh > 0 ? kmh : null;
    }
    return null;
  }
}
