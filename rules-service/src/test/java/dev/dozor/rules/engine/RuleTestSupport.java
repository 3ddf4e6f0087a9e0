package dev.dozor.rules.engine;

import dev.dozor.events.AssignmentRecord;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.VehicleRecord;
import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import dev.dozor.events.WeatherEventRecord;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.rules.regulation.RegulationCatalogue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Shared helpers of the integrity and roll-out regulation tests (INT-001…INT-005, TIM-006). */
final class RuleTestSupport {
  static final RegulationCatalogue CATALOGUE = RegulationCatalogue.fromClasspath();

  private RuleTestSupport() {}

  static RuleEngine engine(RegistryState registry) {
    return engine(CATALOGUE, registry);
  }

  /** An engine over another catalogue (a changed DRL), otherwise as {@link #engine}. */
  static RuleEngine engine(RegulationCatalogue catalogue, RegistryState registry) {
    return new RuleEngine(
        catalogue,
        RegulationTestSupport.EXACT_CLOCK,
        new Spd001RuleTest.MutableClock(Instant.parse("2026-01-15T07:00:00Z")),
        registry);
  }

  /** The events of one regulation, in order. */
  static List<ViolationEvent> of(String regulationId, List<ViolationEvent> events) {
    return events.stream().filter(e -> e.regulationId().equals(regulationId)).toList();
  }

  static List<ViolationStatus> statuses(List<ViolationEvent> events) {
    return events.stream().map(ViolationEvent::status).toList();
  }

  /** Runs each batch in order through the engine and returns every event. */
  @SafeVarargs
  static List<ViolationEvent> run(RuleEngine engine, List<TelemetryPoint>... batches) {
    List<ViolationEvent> all = new ArrayList<>();
    for (List<TelemetryPoint> b : batches) {
      all.addAll(engine.process(b));
    }
    return all;
  }

  /** Runs the points through the engine in batches of this size, in their order. */
  static List<ViolationEvent> inBatches(RuleEngine engine, List<TelemetryPoint> points, int size) {
    List<ViolationEvent> all = new ArrayList<>();
    for (int from = 0; from < points.size(); from += size) {
      all.addAll(engine.process(points.subList(from, Math.min(points.size(), from + size))));
    }
    return all;
  }

  static List<TelemetryPoint> shuffled(List<TelemetryPoint> points) {
    List<TelemetryPoint> copy = new ArrayList<>(points);
    Collections.shuffle(copy, new Random(7));
    return copy;
  }

  /** The points cut into batches of this size, each shuffled. */
  static List<List<TelemetryPoint>> batches(List<TelemetryPoint> points, int size) {
    List<List<TelemetryPoint>> result = new ArrayList<>();
    for (int from = 0; from < points.size(); from += size) {
      result.add(shuffled(points.subList(from, Math.min(points.size(), from + size))));
    }
    return result;
  }

  static List<TelemetryPoint> concat(List<TelemetryPoint> a, List<TelemetryPoint> b) {
    List<TelemetryPoint> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** The episode identity an official sees: id, status, start and end (not event times). */
  static List<String> episodes(List<ViolationEvent> events) {
    return events.stream()
        .filter(e -> e.status() != ViolationStatus.UPDATED)
        .map(e -> e.violationId() + " " + e.status() + " " + e.startedAt() + " " + e.endedAt())
        .toList();
  }

  static VehicleRecord vehicle(String id, String type, String homeDistrictId, String depotZoneId) {
    return new VehicleRecord(
        dev.dozor.events.SchemaVersions.VEHICLE,
        id,
        "A" + id,
        type,
        "contractor",
        null,
        null,
        homeDistrictId,
        depotZoneId);
  }

  static AssignmentRecord shift(String id, String vehicleId, Instant start, Instant end) {
    return AssignmentRecord.of(id, vehicleId, start, end, null, List.of(), null, null);
  }

  static WeatherEventRecord weather(String id, String districtId, String kind, Instant at) {
    return WeatherEventRecord.of(id, districtId, kind, at, null);
  }

  /** A vehicle id whose points go to the same partition as this one. */
  static String samePartitionAs(RuleEngine engine, String vehicleId, String prefix) {
    for (int i = 0; ; i++) {
      String candidate = prefix + i;
      if (engine.partitionOf(candidate) == engine.partitionOf(vehicleId)) {
        return candidate;
      }
    }
  }
}
