package dev.dozor.telemetry.coverage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The coverage answer: a GeoJSON FeatureCollection of the scope's segments plus a {@code summary}
 * member. Built from the per-segment rows without further I/O.
 */
public final class CoverageReport {
  /** Equipment channels in their contract order. */
  static final List<String> CHANNELS = List.of("plough", "brush", "spreader");

  private CoverageReport() {}

  /** The FeatureCollection with its summary. */
  public record Collection(String type, Summary summary, List<Feature> features) {}

  /** One segment; {@code geometry} is the segment's GeoJSON LineString, omitted on request. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Feature(
      String type, String id, @JsonRawValue String geometry, SegmentCoverage properties) {}

  /**
   * Coverage of one segment.
   *
   * @param equipment channels that serviced it, in channel order
   * @param lastServicedAt end of its latest pass in the interval, null when not serviced
   * @param passes passes counted (those covering at least the minimal fraction)
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record SegmentCoverage(
      String segmentId,
      String name,
      String category,
      int priority,
      double lengthM,
      boolean serviced,
      List<String> equipment,
      Instant lastServicedAt,
      long passes) {}

  /**
   * Totals of the scope.
   *
   * @param byEquipment metres of segments serviced by each channel (a segment serviced by plough
   *     and brush counts for both)
   */
  public record Summary(
      String scope,
      String id,
      Instant from,
      Instant to,
      int segments,
      int servicedSegments,
      double lengthM,
      double servicedLengthM,
      double servicedPercent,
      Map<String, Double> byEquipment) {}

  /** Builds the answer from the rows of {@link CoverageRepository#coverage}. */
  public static Collection build(
      CoverageScope scope,
      String id,
      Instant from,
      Instant to,
      List<CoverageRepository.SegmentRow> rows) {
    List<Feature> features = new ArrayList<>(rows.size());
    double length = 0;
    double servicedLength = 0;
    int serviced = 0;
    Map<String, Double> byEquipment = new LinkedHashMap<>();
    CHANNELS.forEach(c -> byEquipment.put(c, 0.0));
    for (CoverageRepository.SegmentRow r : rows) {
      List<String> channels = channels(r.equipment());
      boolean isServiced = r.passes() > 0;
      length += r.lengthM();
      if (isServiced) {
        serviced++;
        servicedLength += r.lengthM();
        for (String c : channels) {
          byEquipment.merge(c, r.lengthM(), Double::sum);
        }
      }
      features.add(
          new Feature(
              "Feature",
              r.id(),
              r.geometry(),
              new SegmentCoverage(
                  r.id(),
                  r.name(),
                  r.category(),
                  r.priority(),
                  round(r.lengthM()),
                  isServiced,
                  channels,
                  r.lastServicedAt(),
                  r.passes())));
    }
    byEquipment.replaceAll((k, v) -> round(v));
    double percent = length == 0 ? 0 : round(100.0 * servicedLength / length);
    return new Collection(
        "FeatureCollection",
        new Summary(
            scope.label(),
            id,
            from,
            to,
            rows.size(),
            serviced,
            round(length),
            round(servicedLength),
            percent,
            byEquipment),
        features);
  }

  /** Equipment strings ("plough+brush", "spreader") → distinct channels in channel order. */
  static List<String> channels(List<String> equipment) {
    Set<String> seen = new TreeSet<>();
    for (String e : equipment) {
      if (e != null) {
        for (String c : e.split("\\+")) {
          seen.add(c.trim());
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (String c : CHANNELS) {
      if (seen.remove(c)) {
        out.add(c);
      }
    }
    out.addAll(seen); // channels unknown here (from a newer producer) keep their names
    return out;
  }

  /** Two decimals: centimetres and hundredths of a percent. */
  static double round(double v) {
    return Math.round(v * 100.0) / 100.0;
  }
}
