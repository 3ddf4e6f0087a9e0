package dev.dozor.dispatch.violation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.EvidencePoint;
import dev.dozor.events.SchemaVersions;
import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViolationMergeTest {
  private static final Instant START = Instant.parse("2026-01-15T08:00:00Z");
  private static final Instant NOW = Instant.parse("2026-01-15T09:00:00Z");
  private static final Instant LATER = NOW.plusSeconds(60);

  private static ViolationEvent event(ViolationStatus status, int secondsAfterStart, double max) {
    Instant at = START.plusSeconds(secondsAfterStart);
    return new ViolationEvent(
        SchemaVersions.VIOLATION_EVENT,
        "v-1",
        "SPD-001",
        2,
        "Plough speed",
        "HIGH",
        "veh-1",
        status,
        START,
        status == ViolationStatus.CLOSED ? at : null,
        at,
        Map.of("speedLimitKmh", 40.0),
        Map.of("maxSpeedKmh", max),
        List.of(new EvidencePoint(at, 55.7, 37.6, max)));
  }

  private static Violation stored(ViolationEvent e) {
    return ViolationMerge.merge(null, e, NOW).orElseThrow();
  }

  @Test
  void firstEventCreatesTheEpisode() {
    Violation v = stored(event(ViolationStatus.OPENED, 10, 52));
    assertEquals(ViolationStatus.OPENED, v.status());
    assertEquals(START.plusSeconds(10), v.lastEventTime());
    assertEquals(52.0, v.measurements().get("maxSpeedKmh"));
    assertEquals(NOW, v.createdAt());
    assertNull(v.acknowledgedBy());
  }

  @Test
  void newerEventMovesTheEpisodeForward() {
    Violation opened = stored(event(ViolationStatus.OPENED, 10, 52));
    Violation closed =
        ViolationMerge.merge(opened, event(ViolationStatus.CLOSED, 90, 61), LATER).orElseThrow();
    assertEquals(ViolationStatus.CLOSED, closed.status());
    assertEquals(START.plusSeconds(90), closed.endedAt());
    assertEquals(61.0, closed.measurements().get("maxSpeedKmh"));
    assertEquals(NOW, closed.createdAt());
    assertEquals(LATER, closed.updatedAt());
  }

  @Test
  void lateUpdateNeverReopensAClosedEpisode() {
    Violation closed = stored(event(ViolationStatus.CLOSED, 90, 61));
    assertTrue(
        ViolationMerge.merge(closed, event(ViolationStatus.UPDATED, 120, 70), LATER).isEmpty());
    assertTrue(
        ViolationMerge.merge(closed, event(ViolationStatus.OPENED, 10, 52), LATER).isEmpty());
  }

  @Test
  void eventOlderThanTheLastAppliedIsIgnored() {
    Violation updated = stored(event(ViolationStatus.UPDATED, 60, 58));
    assertTrue(
        ViolationMerge.merge(updated, event(ViolationStatus.UPDATED, 30, 99), LATER).isEmpty());
  }

  @Test
  void redeliveryChangesNothing() {
    ViolationEvent opened = event(ViolationStatus.OPENED, 10, 52);
    assertTrue(ViolationMerge.merge(stored(opened), opened, LATER).isEmpty());
  }

  @Test
  void closeAtTheSameEventTimeAsTheUpdateStillApplies() {
    Violation updated = stored(event(ViolationStatus.UPDATED, 60, 58));
    Violation closed =
        ViolationMerge.merge(updated, event(ViolationStatus.CLOSED, 60, 58), LATER).orElseThrow();
    assertEquals(ViolationStatus.CLOSED, closed.status());
  }

  @Test
  void acknowledgementSurvivesLaterEvents() {
    Instant ackAt = NOW.plusSeconds(5);
    Violation acked =
        stored(event(ViolationStatus.OPENED, 10, 52)).acknowledged("dispatcher", "on it", ackAt);
    Violation closed =
        ViolationMerge.merge(acked, event(ViolationStatus.CLOSED, 90, 61), LATER).orElseThrow();
    assertEquals("dispatcher", closed.acknowledgedBy());
    assertEquals(ackAt, closed.acknowledgedAt());
    assertEquals("on it", closed.ackComment());
    assertEquals(ViolationStatus.CLOSED, closed.status());
  }

  @Test
  void emptyMeasurementsInALaterEventKeepTheStoredOnes() {
    Violation opened = stored(event(ViolationStatus.OPENED, 10, 52));
    ViolationEvent bare =
        new ViolationEvent(
            SchemaVersions.VIOLATION_EVENT,
            "v-1",
            "SPD-001",
            2,
            null,
            null,
            "veh-1",
            ViolationStatus.UPDATED,
            START,
            null,
            START.plusSeconds(20),
            null,
            null,
            null);
    Violation updated = ViolationMerge.merge(opened, bare, LATER).orElseThrow();
    assertEquals(52.0, updated.measurements().get("maxSpeedKmh"));
    assertEquals("Plough speed", updated.title());
    assertEquals(1, updated.evidence().size());
  }

  @Test
  void missingEventTimeFallsBackToEndThenStart() {
    ViolationEvent noTime =
        new ViolationEvent(
            SchemaVersions.VIOLATION_EVENT,
            "v-1",
            "SPD-001",
            1,
            "t",
            "LOW",
            "veh-1",
            ViolationStatus.OPENED,
            START,
            null,
            null,
            null,
            null,
            null);
    assertEquals(START, stored(noTime).lastEventTime());
  }
}
