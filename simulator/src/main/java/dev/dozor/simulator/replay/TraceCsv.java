package dev.dozor.simulator.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads an AVL trace CSV with the columns {@code latitude, longitude, messageTime, odometer.value,
 * truck_name} (any order, others ignored), e.g. the Syracuse snow-plough data. Quoted fields (with
 * {@code ""} escapes) are supported; a bad line is skipped, counted and reported with its number.
 */
public final class TraceCsv {
  static final List<String> REQUIRED =
      List.of("latitude", "longitude", "messageTime", "truck_name");

  private TraceCsv() {}

  /**
   * What was read.
   *
   * @param fixes good fixes in file order
   * @param badLines how many lines were skipped
   */
  public record Result(List<TraceFix> fixes, int badLines) {}

  /**
   * Parses the whole input; {@code problems} receives one message per skipped line.
   *
   * @throws IOException on a read error or when the header lacks a required column
   */
  public static Result parse(Reader input, Consumer<String> problems) throws IOException {
    BufferedReader reader = new BufferedReader(input);
    String header = reader.readLine();
    if (header == null) {
      throw new IOException("empty trace file: expected a header line");
    }
    List<String> names = split(header.startsWith("\uFEFF") ? header.substring(1) : header);
    Map<String, Integer> column = new java.util.HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      column.put(names.get(i).trim(), i);
    }
    for (String r : REQUIRED) {
      if (!column.containsKey(r)) {
        throw new IOException("trace header lacks column '" + r + "': " + header);
      }
    }
    Integer odometer = column.get("odometer.value");
    List<TraceFix> fixes = new ArrayList<>();
    int bad = 0;
    int lineNo = 1;
    String line;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      try {
        List<String> f = split(line);
        if (f.size() != names.size()) {
          throw new IllegalArgumentException(f.size() + " fields, the header has " + names.size());
        }
        double lat = number(f.get(column.get("latitude")), "latitude");
        double lon = number(f.get(column.get("longitude")), "longitude");
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
          throw new IllegalArgumentException("position " + lat + ", " + lon + " is not WGS84");
        }
        Instant time;
        String t = f.get(column.get("messageTime")).trim();
        try {
          time = Instant.parse(t);
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("messageTime '" + t + "' is not an ISO instant");
        }
        String truck = f.get(column.get("truck_name")).trim();
        if (truck.isEmpty()) {
          throw new IllegalArgumentException("truck_name is empty");
        }
        Double odo = null;
        if (odometer != null && !f.get(odometer).isBlank()) {
          odo = number(f.get(odometer), "odometer.value");
        }
        fixes.add(new TraceFix(truck, time, lat, lon, odo, lineNo));
      } catch (IllegalArgumentException e) {
        bad++;
        problems.accept("line " + lineNo + ": " + e.getMessage() + " (skipped)");
      }
    }
    return new Result(fixes, bad);
  }

  private static double number(String text, String field) {
    try {
      double v = Double.parseDouble(text.trim());
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " '" + text + "' is not a number");
    }
  }

  /** Splits one CSV line: commas, double-quoted fields, {@code ""} inside quotes. */
  static List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            current.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          current.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quoted field");
    }
    fields.add(current.toString());
    return fields;
  }
}
