package dev.dozor.bench.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.bench.accuracy.Episode;
import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RaisedEpisodesTest {
  private static final Instant T = Instant.parse("2026-01-15T06:00:00Z");

  private static ViolationEvent event(
      String id, ViolationStatus status, Instant ended, Instant eventTime) {
    return new ViolationEvent(
        1, id, "SPD-001", 1, "t", "HIGH", "v1", status, T, ended, eventTime, Map.of(), Map.of(),
        List.of());
  }

  @Test
  void anEpisodeRunsFromItsStartToItsEnd() {
    RaisedEpisodes r = new RaisedEpisodes();
    r.add(event("a", ViolationStatus.OPENED, null, T.plusSeconds(60)));
    r.add(event("a", ViolationStatus.UPDATED, null, T.plusSeconds(90)));
    r.add(event("a", ViolationStatus.CLOSED, T.plusSeconds(120), T.plusSeconds(125)));
    assertEquals(List.of(new Episode("v1", "SPD-001", T, T.plusSeconds(120))), r.episodes());
  }

  @Test
  void anOpenEpisodeEndsAtItsLatestEventTime() {
    RaisedEpisodes r = new RaisedEpisodes();
    r.add(event("a", ViolationStatus.OPENED, null, T.plusSeconds(60)));
    r.add(event("b", ViolationStatus.OPENED, null, T.plusSeconds(10)));
    r.add(event("a", ViolationStatus.UPDATED, null, T.plusSeconds(95)));
    assertEquals(2, r.episodes().size());
    assertEquals(T.plusSeconds(95), r.episodes().get(0).end());
    assertEquals(T.plusSeconds(10), r.episodes().get(1).end());
  }
}
