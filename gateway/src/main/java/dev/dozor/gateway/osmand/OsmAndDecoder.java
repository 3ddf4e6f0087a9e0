package dev.dozor.gateway.osmand;

import dev.dozor.protocol.RawFix;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decodes the OsmAnd query/form protocol ({@code ?id=..&lat=..&lon=..&timestamp=..&speed=..}) as
 * Traccar Client and other trackers send it; {@link OsmAndJsonDecoder} reads the JSON body of
 * Traccar Client 9+. Pure: no I/O, no clock; every refusal names the parameter.
 *
 * <p>Units: query {@code speed} is in knots (what Traccar Client sends), JSON {@code coords.speed}
 * in m/s; query {@code odometer} in km, JSON {@code odometer} in metres. Negative speed, heading
 * and accuracy mean "unknown" (phone location APIs report -1). Parameters without a field of their
 * own become raw inputs (numbers; {@code true}/{@code false} as 1/0) or text attributes.
 */
public final class OsmAndDecoder {
  /** Knots to km/h. */
  static final double KMH_PER_KNOT = 1.852;

  /** A timestamp above this is in milliseconds, below in seconds. */
  static final long MILLIS_THRESHOLD = 1_000_000_000_000L;

  /** 10^15 ms is the year 33658: anything larger is no time a tracker can mean. */
  private static final BigDecimal LATEST_TIMESTAMP_MS = BigDecimal.valueOf(1_000_000_000_000_000L);

  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
  private static final DateTimeFormatter SPACED =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  /** Parameters read into fields of the fix, never kept as raw inputs. */
  private static final Set<String> FIELDS =
      Set.of(
          "id",
          "deviceid",
          "timestamp",
          "lat",
          "lon",
          "location",
          "valid",
          "speed",
          "bearing",
          "heading",
          "altitude",
          "odometer",
          "sat",
          "sats");

  /** Raw inputs that must be numbers (refused otherwise, instead of kept as text). */
  private static final Set<String> NUMERIC_INPUTS = Set.of("accuracy", "batt", "hdop");

  private OsmAndDecoder() {}

  /** Decodes the query/form form; a parameter given twice counts with its first non-empty value. */
  public static OsmAndMessage fromParams(Map<String, List<String>> params) {
    Map<String, String> p = new HashMap<>();
    params.forEach(
        (name, values) -> {
          for (String value : values) {
            if (value != null && !value.isEmpty()) {
              p.putIfAbsent(name, value);
              break;
            }
          }
        });
    String id = p.containsKey("id") ? p.get("id") : p.get("deviceid");
    if (id == null || id.isBlank()) {
      throw new OsmAndFormatException("id", "parameter id (or deviceid) is required");
    }
    double lat;
    double lon;
    if (p.containsKey("lat") || p.containsKey("lon") || !p.containsKey("location")) {
      lat = number("lat", required(p, "lat"));
      lon = number("lon", required(p, "lon"));
    } else {
      String[] parts = p.get("location").split(",");
      if (parts.length != 2) {
        throw new OsmAndFormatException(
            "location", "parameter location must be lat,lon, got " + quote(p.get("location")));
      }
      lat = number("location", parts[0].strip());
      lon = number("location", parts[1].strip());
    }
    Instant time = timestamp("timestamp", required(p, "timestamp"));
    boolean valid = !p.containsKey("valid") || bool("valid", p.get("valid"));
    Double speed = optionalNumber(p, "speed");
    Double heading = optionalNumber(p, p.containsKey("bearing") ? "bearing" : "heading");
    String satName = p.containsKey("sat") ? "sat" : "sats";
    Double sats = optionalNumber(p, satName);
    if (sats != null && (sats < 0 || sats != Math.rint(sats) || sats > 1000)) {
      throw new OsmAndFormatException(
          satName, "parameter " + satName + " must be a small whole number, got " + sats);
    }
    Map<String, Double> inputs = new HashMap<>();
    Map<String, String> text = new HashMap<>();
    p.forEach(
        (name, value) -> {
          if (FIELDS.contains(name)) {
            return;
          }
          if (NUMERIC_INPUTS.contains(name)) {
            inputs.put(name, number(name, value));
          } else {
            rawParameter(name, value, inputs, text);
          }
        });
    return new OsmAndMessage(
        id.strip(),
        List.of(
            new RawFix(
                time,
                lat,
                lon,
                valid,
                speed == null || speed < 0 ? null : speed * KMH_PER_KNOT,
                heading == null || heading < 0 ? null : heading,
                optionalNumber(p, "altitude"),
                sats == null ? null : sats.intValue(),
                optionalNumber(p, "odometer"),
                inputs,
                text)));
  }

  /**
   * A fix time: Unix seconds (fractions allowed) or milliseconds (above 10^12), ISO-8601 with or
   * without offset (none means UTC), or {@code yyyy-MM-dd HH:mm:ss} in UTC.
   */
  public static Instant timestamp(String name, String value) {
    String v = value.strip();
    try {
      if (NUMBER.matcher(v).matches()) {
        BigDecimal n = new BigDecimal(v);
        if (n.signum() < 0) {
          throw new OsmAndFormatException(name, name + " must not be negative, got " + quote(v));
        }
        // bound before any rescaling: setScale on "1e99999999" or "1e-99999999" computes a power
        // of ten with millions of digits (minutes of CPU per request); comparisons are cheap
        if (n.compareTo(LATEST_TIMESTAMP_MS) > 0
            || (n.signum() > 0 && n.compareTo(BigDecimal.ONE) < 0)) {
          throw new OsmAndFormatException(
              name, name + " is not a plausible Unix time, got " + quote(v));
        }
        BigDecimal millis =
            n.compareTo(BigDecimal.valueOf(MILLIS_THRESHOLD)) > 0 ? n : n.movePointRight(3);
        return Instant.ofEpochMilli(millis.setScale(0, RoundingMode.DOWN).longValueExact());
      }
      if (v.indexOf('T') > 0) {
        return OffsetDateTime.parse(v).toInstant();
      }
      return LocalDateTime.parse(v, SPACED).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException | ArithmeticException e) {
      if (v.indexOf('T') > 0) {
        try {
          return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
          // fall through to the refusal below
        }
      }
      throw new OsmAndFormatException(
          name, name + " must be Unix seconds, milliseconds or an ISO-8601 time, got " + quote(v));
    }
  }

  private static void rawParameter(
      String name, String value, Map<String, Double> inputs, Map<String, String> text) {
    String v = value.strip();
    if (NUMBER.matcher(v).matches()) {
      double d = Double.parseDouble(v);
      if (Double.isFinite(d)) {
        inputs.put(name, d);
        return;
      }
    }
    if (v.equalsIgnoreCase("true")) {
      inputs.put(name, 1.0);
    } else if (v.equalsIgnoreCase("false")) {
      inputs.put(name, 0.0);
    } else {
      text.put(name, value);
    }
  }

  private static String required(Map<String, String> p, String name) {
    String value = p.get(name);
    if (value == null) {
      throw new OsmAndFormatException(name, "parameter " + name + " is required");
    }
    return value;
  }

  private static Double optionalNumber(Map<String, String> p, String name) {
    String value = p.get(name);
    return value == null ? null : number(name, value);
  }

  private static double number(String name, String value) {
    String v = value.strip();
    if (NUMBER.matcher(v).matches()) {
      double d = Double.parseDouble(v);
      if (Double.isFinite(d)) {
        return d;
      }
    }
    throw new OsmAndFormatException(
        name, "parameter " + name + " must be a number, got " + quote(v));
  }

  private static boolean bool(String name, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default ->
          throw new OsmAndFormatException(
              name, "parameter " + name + " must be true, false, 1 or 0, got " + quote(value));
    };
  }

  /** A value for an error message: quoted, one line, at most 40 characters. */
  public static String quote(String value) {
    String clean = value.replaceAll("\\p{Cntrl}", "?");
    return "\"" + (clean.length() > 40 ? clean.substring(0, 40) + "..." : clean) + "\"";
  }
}
