package dev.dozor.e2e;

import dev.dozor.simulator.grid.Geo;
import dev.dozor.simulator.grid.GeoPoint;
import dev.dozor.simulator.replay.ReplayPlan;
import dev.dozor.simulator.replay.TraceCsv;
import dev.dozor.simulator.replay.TraceFix;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the Syracuse snow-plough trace says by itself, from the CSV alone: how many distinct fixes
 * it holds, and per truck the GPS distance (straight lines between consecutive fixes) next to the
 * odometer delta. Pure except {@link #read}; the expectations of {@link SyracuseReplayIT} come from
 * here.
 */
final class SyracuseTrace {
  static final String RELATIVE_PATH = "syracuse-snowplow-2021/gps_data.csv";

  private SyracuseTrace() {}

  /**
   * One truck of the trace.
   *
   * @param name {@code truck_name}
   * @param fixes distinct fix times
   * @param first its first fix time
   * @param last its last fix time
   * @param gpsKm sum of the great-circle distances between consecutive distinct fixes
   * @param odometerKm last minus first odometer reading, converted from miles; null without one
   */
  record Truck(
      String name, int fixes, Instant first, Instant last, double gpsKm, Double odometerKm) {

    /** GPS distance over odometer distance, or null when the odometer did not move. */
    Double ratio() {
      return odometerKm == null || odometerKm <= 0 ? null : gpsKm / odometerKm;
    }
  }

  /**
   * The whole trace.
   *
   * @param parsedRows rows the parser accepted
   * @param refusedRows rows the parser refused (bad number, time, field count)
   * @param duplicates accepted rows repeating a (truck, messageTime) already seen
   * @param trucks per truck, most fixes first
   */
  record Summary(int parsedRows, int refusedRows, int duplicates, List<Truck> trucks) {

    /** Distinct (truck_name, messageTime) pairs: what the pipeline must store. */
    int distinctFixes() {
      return parsedRows - duplicates;
    }

    Instant first() {
      return trucks.stream().map(Truck::first).min(Comparator.naturalOrder()).orElseThrow();
    }

    Instant last() {
      return trucks.stream().map(Truck::last).max(Comparator.naturalOrder()).orElseThrow();
    }
  }

  /** The trace file: under {@code DOZOR_SHARED_DATA}, else {@code <repository>/../shared/data}. */
  static Path file() {
    String env = System.getenv("DOZOR_SHARED_DATA");
    Path dir =
        env != null && !env.isBlank()
            ? Path.of(env)
            : Path.of(System.getProperty("dozor.root", ".."))
                .toAbsolutePath()
                .resolve("../shared/data")
                .normalize();
    return dir.resolve(RELATIVE_PATH);
  }

  /**
   * Reads the CSV with the simulator's parser (the one {@code dozor-simulator replay} uses).
   *
   * @param refused receives one message per refused row
   */
  static List<TraceFix> read(Path csv, Consumer<String> refused) throws IOException {
    try (Reader r = Files.newBufferedReader(csv)) {
      return TraceCsv.parse(r, refused).fixes();
    }
  }

  /** Counts and per-truck distances of parsed fixes; {@code refusedRows} is passed through. */
  static Summary summarise(List<TraceFix> parsed, int refusedRows) {
    Map<String, List<TraceFix>> byTruck = new LinkedHashMap<>();
    for (TraceFix f : parsed) {
      byTruck.computeIfAbsent(f.truck(), k -> new ArrayList<>()).add(f);
    }
    int duplicates = 0;
    List<Truck> trucks = new ArrayList<>();
    for (Map.Entry<String, List<TraceFix>> e : byTruck.entrySet()) {
      List<TraceFix> fixes = new ArrayList<>(e.getValue());
      fixes.sort(Comparator.comparing(TraceFix::time)); // stable: the first row of an instant wins
      List<TraceFix> distinct = new ArrayList<>();
      for (TraceFix f : fixes) {
        if (!distinct.isEmpty() && !f.time().isAfter(distinct.get(distinct.size() - 1).time())) {
          duplicates++;
        } else {
          distinct.add(f);
        }
      }
      trucks.add(truck(e.getKey(), distinct));
    }
    trucks.sort(Comparator.comparingInt(Truck::fixes).reversed().thenComparing(Truck::name));
    return new Summary(parsed.size(), refusedRows, duplicates, List.copyOf(trucks));
  }

  private static Truck truck(String name, List<TraceFix> distinct) {
    double metres = 0;
    Double firstOdometer = null;
    Double lastOdometer = null;
    for (int i = 0; i < distinct.size(); i++) {
      TraceFix f = distinct.get(i);
      if (i > 0) {
        TraceFix p = distinct.get(i - 1);
        metres +=
            Geo.haversineMetres(new GeoPoint(p.lat(), p.lon()), new GeoPoint(f.lat(), f.lon()));
      }
      if (f.odometerMiles() != null) {
        firstOdometer = firstOdometer == null ? f.odometerMiles() : firstOdometer;
        lastOdometer = f.odometerMiles();
      }
    }
    Double odometerKm =
        firstOdometer == null ? null : (lastOdometer - firstOdometer) * ReplayPlan.MILES_TO_KM;
    return new Truck(
        name,
        distinct.size(),
        distinct.get(0).time(),
        distinct.get(distinct.size() - 1).time(),
        metres / 1000,
        odometerKm);
  }

  /**
   * A shift by whole days that moves a trace ending at {@code last} to end between one and two days
   * before {@code now}: recent enough for the gateway's fix-age limit (30 days) and the positions
   * retention, and the time of day and every interval stay as recorded.
   */
  static Duration wholeDayShift(Instant last, Instant now) {
    long days = Duration.between(last, now).toDays() - 1;
    return Duration.ofDays(days);
  }
}
