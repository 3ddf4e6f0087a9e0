package dev.dozor.protocol.wialon;

import static dev.dozor.protocol.wialon.WialonText.isAbsent;

import dev.dozor.protocol.wialon.WialonParam.DoubleParam;
import dev.dozor.protocol.wialon.WialonParam.IntParam;
import dev.dozor.protocol.wialon.WialonParam.TextParam;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fields of an SD (10 fields) or D (16 fields) body (spec 2.0, "Short data packet", "Data
 * packet", "Additional parameters"). Fields are checked in wire order, so the first wrong field
 * decides the answer code. {@code NA} (or an empty field, as some firmwares send) means "no value"
 * everywhere. Only what cannot be a measured value is rejected (unreadable numbers, negative speed,
 * course beyond 360, latitude beyond 90); whether a readable value is plausible (speed 900 km/h, a
 * fix from last year) is {@link dev.dozor.protocol.FixSanity}'s call.
 */
final class WialonDataParser {
  static final int SHORT_DATA_FIELDS = 10;
  static final int DATA_FIELDS = 16;

  /** Altitudes below this are not readings but garbage (answer 11). */
  static final double MIN_ALTITUDE_M = -20_000;

  /** Altitudes above this are not readings but garbage (answer 11). */
  static final double MAX_ALTITUDE_M = 100_000;

  /** Real trackers send 255 for "unknown"; more is garbage (answer 12). */
  static final int MAX_SATELLITES = 255;

  /** More analog inputs than this is garbage (answer 14). */
  static final int MAX_ADC_INPUTS = 256;

  private static final int MAX_NUMBER_LENGTH = 32;
  private static final int MAX_COORDINATE_FRACTION_DIGITS = 20;

  private WialonDataParser() {}

  /** Parses exactly 10 (SD) or 16 (D) fields. */
  static WialonData parse(String[] f) throws WialonFieldException {
    Instant time = dateTime(f[0], f[1]);
    Double lat = null;
    Double lon = null;
    if (!(isAbsent(f[2]) && isAbsent(f[3]) && isAbsent(f[4]) && isAbsent(f[5]))) {
      lat = coordinate(f[2], f[3], 90, "N", "S", "latitude");
      lon = coordinate(f[4], f[5], 180, "E", "W", "longitude");
    }
    WialonDataStatus motion = WialonDataStatus.SPEED_COURSE_ALTITUDE_ERROR;
    Double speed = decimal(f[6], motion, "speed");
    if (speed != null && speed < 0) {
      throw new WialonFieldException(motion, "speed " + f[6] + " is negative");
    }
    Double course = decimal(f[7], motion, "course");
    if (course != null && (course < 0 || course > 360)) {
      throw new WialonFieldException(motion, "course " + f[7] + " is outside [0, 360]");
    }
    if (course != null && course == 360) {
      course = 0.0;
    }
    Double altitude = decimal(f[8], motion, "altitude");
    if (altitude != null && (altitude < MIN_ALTITUDE_M || altitude > MAX_ALTITUDE_M)) {
      throw new WialonFieldException(motion, "altitude " + f[8] + " m is not a reading");
    }
    Integer satellites = satellites(f[9]);
    WialonData data = WialonData.position(time, lat, lon, speed, course, altitude, satellites);
    if (f.length == SHORT_DATA_FIELDS) {
      return data;
    }
    Double hdop = decimal(f[10], WialonDataStatus.SATELLITES_HDOP_ERROR, "hdop");
    if (hdop != null && hdop < 0) {
      throw new WialonFieldException(
          WialonDataStatus.SATELLITES_HDOP_ERROR, "hdop " + f[10] + " is negative");
    }
    Long inputs = bitmask(f[11], "inputs");
    Long outputs = bitmask(f[12], "outputs");
    List<Double> adc = adc(f[13]);
    String ibutton = isAbsent(f[14]) ? null : f[14];
    List<WialonParam> params = params(f[15]);
    return data.withExtended(hdop, inputs, outputs, adc, ibutton, params);
  }

  private static Instant dateTime(String date, String time) throws WialonFieldException {
    WialonDataStatus error = WialonDataStatus.TIME_ERROR;
    if (isAbsent(date) && isAbsent(time)) {
      return null;
    }
    if (isAbsent(date) || isAbsent(time)) {
      throw new WialonFieldException(error, "date and time must both be given or both be NA");
    }
    if (date.length() != 6 || !allDigits(date)) {
      throw new WialonFieldException(error, "date '" + date + "' is not DDMMYY");
    }
    boolean fraction = time.length() > 6;
    if (time.length() < 6
        || !allDigits(time.substring(0, 6))
        || (fraction
            && (time.charAt(6) != '.'
                || time.length() < 8
                || time.length() > 16
                || !allDigits(time.substring(7))))) {
      throw new WialonFieldException(error, "time '" + time + "' is not HHMMSS[.nnnnnnnnn]");
    }
    int nanos = fraction ? Integer.parseInt((time.substring(7) + "00000000").substring(0, 9)) : 0;
    try {
      return LocalDateTime.of(
              2000 + twoDigits(date, 4),
              twoDigits(date, 2),
              twoDigits(date, 0),
              twoDigits(time, 0),
              twoDigits(time, 2),
              twoDigits(time, 4),
              nanos)
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw new WialonFieldException(error, "date/time " + date + " " + time + " does not exist");
    }
  }

  /** NMEA-style {@code DDMM.MMMM} (latitude) or {@code DDDMM.MMMM} (longitude) and a hemisphere. */
  private static double coordinate(
      String value, String hemisphere, int maxDegrees, String plus, String minus, String name)
      throws WialonFieldException {
    WialonDataStatus error = WialonDataStatus.COORDINATES_ERROR;
    if (isAbsent(value) || isAbsent(hemisphere)) {
      throw new WialonFieldException(error, name + " is partly NA");
    }
    int dot = value.indexOf('.');
    String whole = dot < 0 ? value : value.substring(0, dot);
    String fraction = dot < 0 ? "" : value.substring(dot + 1);
    if (whole.isEmpty()
        || whole.length() > 5
        || !allDigits(whole)
        || (dot >= 0
            && (fraction.isEmpty()
                || fraction.length() > MAX_COORDINATE_FRACTION_DIGITS
                || !allDigits(fraction)))) {
      throw new WialonFieldException(error, name + " '" + value + "' is not DDMM.MMMM");
    }
    int wholeValue = Integer.parseInt(whole);
    double minutes = wholeValue % 100 + (fraction.isEmpty() ? 0 : parseFraction(fraction));
    if (minutes >= 60) {
      throw new WialonFieldException(error, name + " '" + value + "' has 60 minutes or more");
    }
    double degrees = wholeValue / 100 + minutes / 60;
    if (degrees > maxDegrees) {
      throw new WialonFieldException(
          error, name + " '" + value + "' is beyond " + maxDegrees + " degrees");
    }
    if (hemisphere.equalsIgnoreCase(plus)) {
      return degrees;
    }
    if (hemisphere.equalsIgnoreCase(minus)) {
      return -degrees;
    }
    throw new WialonFieldException(
        error, name + " hemisphere '" + hemisphere + "' is not " + plus + " or " + minus);
  }

  private static Integer satellites(String field) throws WialonFieldException {
    if (isAbsent(field)) {
      return null;
    }
    if (field.length() > 3 || !allDigits(field) || Integer.parseInt(field) > MAX_SATELLITES) {
      throw new WialonFieldException(
          WialonDataStatus.SATELLITES_HDOP_ERROR,
          "satellites '" + field + "' is not a count in [0, " + MAX_SATELLITES + "]");
    }
    return Integer.parseInt(field);
  }

  private static Long bitmask(String field, String name) throws WialonFieldException {
    if (isAbsent(field)) {
      return null;
    }
    if (field.length() > 10 || !allDigits(field)) {
      throw new WialonFieldException(
          WialonDataStatus.INPUTS_OUTPUTS_ERROR, name + " '" + field + "' is not a bitmask");
    }
    long value = Long.parseLong(field);
    if (value > WialonData.MAX_BITMASK) {
      throw new WialonFieldException(
          WialonDataStatus.INPUTS_OUTPUTS_ERROR, name + " " + field + " exceeds 32 bits");
    }
    return value;
  }

  private static List<Double> adc(String field) throws WialonFieldException {
    if (isAbsent(field)) {
      return List.of();
    }
    String[] values = field.split(",", -1);
    if (values.length > MAX_ADC_INPUTS) {
      throw new WialonFieldException(
          WialonDataStatus.ADC_ERROR,
          values.length + " analog inputs, more than " + MAX_ADC_INPUTS);
    }
    List<Double> adc = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) {
      adc.add(decimal(values[i], WialonDataStatus.ADC_ERROR, "analog input " + (i + 1)));
    }
    return adc;
  }

  private static List<WialonParam> params(String field) throws WialonFieldException {
    if (isAbsent(field)) {
      return List.of();
    }
    WialonDataStatus error = WialonDataStatus.PARAMS_ERROR;
    List<WialonParam> params = new ArrayList<>();
    for (String item : field.split(",", -1)) {
      if (item.isEmpty()) {
        continue; // a trailing comma
      }
      int first = item.indexOf(':');
      int second = first < 0 ? -1 : item.indexOf(':', first + 1);
      if (second < 0) {
        throw new WialonFieldException(error, "param '" + item + "' is not NAME:TYPE:VALUE");
      }
      String name = item.substring(0, first);
      String type = item.substring(first + 1, second);
      String value = item.substring(second + 1);
      if (name.isEmpty() || item.indexOf('|') >= 0) {
        throw new WialonFieldException(error, "param '" + item + "' has no name or has a |");
      }
      switch (type) {
        case "1" -> {
          if (!value.equals("NA")) {
            params.add(new IntParam(name, integer(value, name)));
          }
        }
        case "2" -> {
          if (!value.equals("NA")) {
            Double number = decimal(value, error, "param " + name);
            if (number == null) {
              throw new WialonFieldException(error, "param " + name + " has no value");
            }
            params.add(new DoubleParam(name, number));
          }
        }
        case "3" -> params.add(new TextParam(name, value));
        default ->
            throw new WialonFieldException(
                error, "param " + name + " has type '" + type + "', not 1, 2 or 3");
      }
    }
    return params;
  }

  private static long integer(String value, String name) throws WialonFieldException {
    int start = value.startsWith("-") || value.startsWith("+") ? 1 : 0;
    if (value.length() == start || value.length() > 20 || !allDigits(value.substring(start))) {
      throw new WialonFieldException(
          WialonDataStatus.PARAMS_ERROR, "param " + name + " '" + value + "' is not an integer");
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new WialonFieldException(
          WialonDataStatus.PARAMS_ERROR, "param " + name + " " + value + " exceeds 64 bits");
    }
  }

  /**
   * A plain decimal ({@code -12.5}, {@code 7}, {@code .5}); no exponent, no NaN/Infinity, no hex.
   * Null when absent.
   */
  private static Double decimal(String field, WialonDataStatus error, String name)
      throws WialonFieldException {
    if (isAbsent(field)) {
      return null;
    }
    if (!isDecimal(field)) {
      throw new WialonFieldException(error, name + " '" + field + "' is not a number");
    }
    double value = Double.parseDouble(field);
    return value + 0.0; // no negative zero
  }

  static boolean isDecimal(String s) {
    if (s.isEmpty() || s.length() > MAX_NUMBER_LENGTH) {
      return false;
    }
    int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
    int digits = 0;
    boolean dot = false;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        return false;
      }
    }
    return digits > 0;
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static int twoDigits(String s, int at) {
    return (s.charAt(at) - '0') * 10 + (s.charAt(at + 1) - '0');
  }

  private static double parseFraction(String digits) {
    return Double.parseDouble("0." + digits);
  }
}
