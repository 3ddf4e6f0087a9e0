package dev.dozor.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.dozor.events.AssignmentRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssignmentFactTest {

  private static AssignmentFact assignment(String id, String segmentId) {
    return new AssignmentFact(
        AssignmentRecord.of(
            id,
            "plough-" + id,
            Instant.parse("2026-01-15T06:00:00Z"),
            Instant.parse("2026-01-15T14:00:00Z"),
            null,
            List.of(segmentId),
            null,
            null));
  }

  @Test
  void assignmentsShareOneInstanceOfEachSegmentIdAndKeepTheirValues() {
    // two ids read from two registry records: equal strings, distinct instances
    String first = new String("seg-1042".toCharArray());
    String second = new String("seg-1042".toCharArray());

    AssignmentFact a = assignment("a1", first);
    AssignmentFact b = assignment("b2", second);

    assertEquals(List.of("seg-1042"), a.getSegmentIds());
    assertSame(a.getSegmentIds().get(0), b.getSegmentIds().get(0));
    assertEquals("a1", a.getId());
    assertEquals(Instant.parse("2026-01-15T14:00:00Z").toEpochMilli(), a.getShiftEndMs());
  }
}
