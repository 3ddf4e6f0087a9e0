package dev.dozor.bench.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.bench.drill.Spd001Episodes.Episode;
import dev.dozor.bench.drill.Spd001Episodes.Fix;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Spd001EpisodesTest {
  private static final Instant T0 = Instant.parse("2026-01-15T06:00:00Z");

  /** Fixes every {@code step} s from {@code from} to {@code to} (inclusive), all (non)violating. */
  private static void fixes(List<Fix> out, int from, int to, int step, boolean violating) {
    for (int s = from; s <= to; s += step) {
      out.add(new Fix(T0.plusSeconds(s), violating));
    }
  }

  @Test
  void theOffenderCycleGivesOneClosedEpisodePerOnPhaseAndAnOpenOneAtTheEnd() {
    List<Fix> f = new ArrayList<>();
    fixes(f, 0, 89, 1, true);
    fixes(f, 90, 149, 1, false);
    fixes(f, 150, 239, 1, true);
    fixes(f, 240, 299, 1, false);
    fixes(f, 300, 370, 1, true);
    assertEquals(
        List.of(
            new Episode(T0, T0.plusSeconds(89), true),
            new Episode(T0.plusSeconds(150), T0.plusSeconds(239), true),
            new Episode(T0.plusSeconds(300), T0.plusSeconds(370), false)),
        Spd001Episodes.expected(f));
  }

  @Test
  void aViolationShorterThanSixtySecondsIsNoEpisodeAndExactlySixtyIs() {
    List<Fix> short59 = new ArrayList<>();
    fixes(short59, 0, 59, 1, true);
    fixes(short59, 60, 70, 1, false);
    assertEquals(List.of(), Spd001Episodes.expected(short59));
    List<Fix> exact60 = new ArrayList<>();
    fixes(exact60, 0, 60, 1, true);
    fixes(exact60, 61, 70, 1, false);
    assertEquals(1, Spd001Episodes.expected(exact60).size());
  }

  @Test
  void aGapLongerThanTheMaximumEndsTheEpisode() {
    List<Fix> f = new ArrayList<>();
    fixes(f, 0, 70, 1, true);
    fixes(f, 191, 260, 1, true); // 121 s gap
    List<Episode> episodes = Spd001Episodes.expected(f);
    assertEquals(2, episodes.size());
    assertEquals(new Episode(T0, T0.plusSeconds(70), true), episodes.get(0));
    assertEquals(T0.plusSeconds(191), episodes.get(1).start());
  }

  @Test
  void onlyPloughDownAboveTheLimitViolates() {
    assertEquals(true, Spd001Episodes.violating(true, 45.1));
    assertEquals(false, Spd001Episodes.violating(true, 45.0));
    assertEquals(false, Spd001Episodes.violating(false, 58));
    assertEquals(false, Spd001Episodes.violating(null, 58));
  }
}
