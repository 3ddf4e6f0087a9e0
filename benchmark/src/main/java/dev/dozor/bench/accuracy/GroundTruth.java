package dev.dozor.bench.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dozor.bench.BenchException;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.TelemetryPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Where the expected violations come from. */
public final class GroundTruth {
  public static final String SPD_001 = "SPD-001";
  static final double SPD_001_LIMIT_KMH = 45;
  static final Duration SPD_001_MIN = Duration.ofSeconds(60);
  static final Duration SPD_001_MAX_GAP = Duration.ofSeconds(120);

  private GroundTruth() {}

  /**
   * SPD-001 episodes a vehicle's delivered fixes contain (fix-time order): runs of plough down
   * above 45 km/h whose first and last fix are at least 60 s apart, with no gap over 120 s.
   */
  public static List<Episode> spd001(String vehicleId, List<TelemetryPoint> fixes) {
    List<Episode> episodes = new ArrayList<>();
    Instant first = null;
    Instant last = null;
    for (TelemetryPoint p : fixes) {
      boolean violating =
          p.equipment() != null
              && Boolean.TRUE.equals(p.equipment().plough())
              && p.speedKmh() > SPD_001_LIMIT_KMH;
      boolean gap =
          last != null && Duration.between(last, p.fixTime()).compareTo(SPD_001_MAX_GAP) > 0;
      if (first != null && (!violating || gap)) {
        close(episodes, vehicleId, first, last);
        first = null;
      }
      if (violating) {
        if (first == null) {
          first = p.fixTime();
        }
        last = p.fixTime();
      }
    }
    if (first != null) {
      close(episodes, vehicleId, first, last);
    }
    return episodes;
  }

  private static void close(List<Episode> out, String vehicle, Instant first, Instant last) {
    if (Duration.between(first, last).compareTo(SPD_001_MIN) >= 0) {
      out.add(new Episode(vehicle, SPD_001, first, last));
    }
  }

  /**
   * Reads the simulator's ground-truth JSON Lines ({@code
   * {"vehicleId","regulationId","start","end", "fault"}}); lines without a regulation (e.g.
   * telemetry gaps) are skipped.
   */
  public static List<Episode> readJsonLines(Path file) {
    List<Episode> episodes = new ArrayList<>();
    try {
      int n = 0;
      for (String line : Files.readAllLines(file)) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = JsonSerde.mapper().readTree(line);
        String reg = node.path("regulationId").asText("");
        if (reg.isEmpty() || node.path("regulationId").isNull()) {
          continue;
        }
        try {
          episodes.add(
              new Episode(
                  node.path("vehicleId").asText(),
                  reg,
                  Instant.parse(node.path("start").asText()),
                  Instant.parse(node.path("end").asText())));
        } catch (RuntimeException e) {
          throw new BenchException(file + " line " + n + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new BenchException("cannot read ground truth " + file + ": " + e.getMessage(), e);
    }
    return episodes;
  }
}
