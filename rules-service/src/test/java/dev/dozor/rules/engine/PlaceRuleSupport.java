package dev.dozor.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.rules.regulation.RegulationCatalogue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/** Shared helpers of the place and local-time regulation tests (EQP-001 … TIM-005). */
final class PlaceRuleSupport {
  static final RegulationCatalogue CATALOGUE = RegulationCatalogue.fromClasspath();
  static final double LAT0 = 55.70;
  static final double LON0 = 37.62;

  private PlaceRuleSupport() {}

  /** A fresh engine over a registry the caller fills (places are published here). */
  static RuleEngine engine(Consumer<RegistryState> places) {
    RegistryState registry = new RegistryState();
    places.accept(registry);
    registry.publishPlaces();
    return new RuleEngine(
        CATALOGUE,
        RegulationTestSupport.EXACT_CLOCK,
        Clock.fixed(Instant.parse("2026-01-15T07:00:00Z"), ZoneOffset.UTC),
        registry);
  }

  /** Latitude this many metres north of the tracks' start. */
  static double north(double metres) {
    return LAT0 + metres / Track.METRES_PER_DEGREE;
  }

  /** Longitude this many metres east of the tracks' start. */
  static double east(double metres) {
    return LON0 + metres / (Track.METRES_PER_DEGREE * Math.cos(Math.toRadians(LAT0)));
  }

  static List<ViolationEvent> only(String regulationId, List<ViolationEvent> events) {
    return events.stream().filter(e -> e.regulationId().equals(regulationId)).toList();
  }

  static List<ViolationStatus> statuses(List<ViolationEvent> events) {
    return events.stream().map(ViolationEvent::status).toList();
  }

  /** Events in a delivery-independent order: vehicle, event time, status. */
  static List<ViolationEvent> sorted(List<ViolationEvent> events) {
    List<ViolationEvent> copy = new ArrayList<>(events);
    copy.sort(
        Comparator.comparing(ViolationEvent::vehicleId)
            .thenComparing(ViolationEvent::eventTime)
            .thenComparing(e -> e.status().ordinal()));
    return copy;
  }

  /**
   * Asserts that the points shuffled into one batch, and delivered per vehicle in small batches
   * with the last vehicle's black box first, give the same events as in-order delivery.
   *
   * @return the in-order events of the regulation
   */
  static List<ViolationEvent> assertOrderIndependent(
      String regulationId, Consumer<RegistryState> places, List<TelemetryPoint> inOrder) {
    List<ViolationEvent> expected;
    try (RuleEngine e = engine(places)) {
      expected = only(regulationId, e.process(inOrder));
    }
    List<TelemetryPoint> shuffled = new ArrayList<>(inOrder);
    Collections.shuffle(shuffled, new Random(11));
    List<ViolationEvent> fromShuffled;
    try (RuleEngine e = engine(places)) {
      fromShuffled = only(regulationId, e.process(shuffled));
    }
    List<String> vehicles =
        new ArrayList<>(inOrder.stream().map(TelemetryPoint::vehicleId).distinct().toList());
    Collections.reverse(vehicles);
    List<ViolationEvent> fromBatches = new ArrayList<>();
    try (RuleEngine e = engine(places)) {
      for (String v : vehicles) {
        List<TelemetryPoint> mine = inOrder.stream().filter(p -> p.vehicleId().equals(v)).toList();
        for (int from = 0; from < mine.size(); from += 5) {
          fromBatches.addAll(
              only(regulationId, e.process(mine.subList(from, Math.min(mine.size(), from + 5)))));
        }
      }
    }
    assertEquals(sorted(expected), sorted(fromShuffled), "shuffled into one batch");
    assertEquals(sorted(expected), sorted(fromBatches), "per vehicle in batches of 5");
    return expected;
  }
}
