package dev.dozor.rules.syracuse;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.replay.ReplayPlan;
import dev.dozor.simulator.replay.TraceCsv;
import dev.dozor.simulator.replay.TraceFix;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Syracuse snow-plough trace (31 trucks, 13–15 Feb 2021) as telemetry points: read and turned
 * into points by the simulator's replay code ({@link TraceCsv}, {@link ReplayPlan} with speed-up 1
 * and the recorded times kept), then {@link EquipmentDerivation} gives the equipment channels.
 */
final class SyracuseTrace {
  static final String RELATIVE_PATH = "syracuse-snowplow-2021/gps_data.csv";

  /**
   * The points.
   *
   * @param byVehicle per vehicle id ({@code syr-<truck_name>}), fix-time order, equipment derived
   * @param refusedRows CSV rows the parser refused
   */
  record Points(Map<String, List<TelemetryPoint>> byVehicle, int refusedRows) {

    /**
     * Every point, ordered by fix time, then vehicle id: the trace as a live feed would send it.
     */
    List<TelemetryPoint> inTimeOrder() {
      List<TelemetryPoint> all = new ArrayList<>();
      byVehicle.values().forEach(all::addAll);
      all.sort(
          Comparator.comparing(TelemetryPoint::fixTime).thenComparing(TelemetryPoint::vehicleId));
      return all;
    }

    int size() {
      return byVehicle.values().stream().mapToInt(List::size).sum();
    }
  }

  private SyracuseTrace() {}

  /**
   * The CSV under {@code $DOZOR_SHARED_DATA}, else {@code ../shared/data} next to the repository
   * (looked for from the working directory and its parent: the module or the repository root).
   */
  static Optional<Path> file() {
    String env = System.getenv("DOZOR_SHARED_DATA");
    List<Path> candidates = new ArrayList<>();
    if (env != null && !env.isBlank()) {
      candidates.add(Path.of(env).resolve(RELATIVE_PATH));
    }
    Path here = Path.of("").toAbsolutePath();
    candidates.add(here.resolve("../../shared/data").resolve(RELATIVE_PATH).normalize());
    candidates.add(here.resolve("../shared/data").resolve(RELATIVE_PATH).normalize());
    return candidates.stream().filter(Files::isRegularFile).findFirst();
  }

  /** Reads the trace and derives the equipment with these settings. */
  static Points read(Path csv, EquipmentDerivation.Settings settings) throws IOException {
    List<String> refused = new ArrayList<>();
    List<TraceFix> fixes;
    try (Reader r = Files.newBufferedReader(csv)) {
      fixes = TraceCsv.parse(r, refused::add).fixes();
    }
    return new Points(toPoints(fixes, settings), refused.size());
  }

  /** The fixes as points at their recorded times, per vehicle, with derived equipment. */
  static Map<String, List<TelemetryPoint>> toPoints(
      List<TraceFix> fixes, EquipmentDerivation.Settings settings) {
    Map<String, List<TelemetryPoint>> result = new TreeMap<>();
    if (fixes.isEmpty()) {
      return result;
    }
    Instant first = fixes.stream().map(TraceFix::time).min(Comparator.naturalOrder()).orElseThrow();
    Map<String, List<TelemetryPoint>> timed =
        new LinkedHashMap<>(ReplayPlan.retime(fixes, first, 1));
    timed.forEach(
        (vehicle, points) -> result.put(vehicle, EquipmentDerivation.derive(points, settings)));
    return result;
  }
}
