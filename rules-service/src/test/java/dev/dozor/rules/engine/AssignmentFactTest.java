package dev.dozor.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.AssignmentRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
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

  @Test
  void theShiftTimesAreComputedAgainWhenReadFromACheckpoint() throws Exception {
    AssignmentFact a = assignment("a1", "seg-1042");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(a);
    }
    AssignmentFact read;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      read = (AssignmentFact) in.readObject();
    }
    long start = Instant.parse("2026-01-15T06:00:00Z").toEpochMilli();
    long end = Instant.parse("2026-01-15T14:00:00Z").toEpochMilli();
    assertEquals(a, read);
    assertEquals(start, read.getShiftStartMs());
    assertEquals(end, read.getShiftEndMs());
    assertTrue(read.covers(start));
    assertFalse(read.covers(end), "the shift end is out");
  }
}
