package dev.dozor.bench.drill;

import dev.dozor.bench.drill.Spd001Episodes.Episode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares the episodes a vehicle's acknowledged fixes must produce with the violations
 * dispatch-service holds. Pure.
 */
public final class EpisodeCheck {
  /** A violation as dispatch-service lists it. */
  public record Raised(String id, Instant startedAt, Instant endedAt, String status) {}

  /**
   * The comparison.
   *
   * @param expected episodes the fixes must produce
   * @param raised violations found
   * @param matched expected episodes with exactly one violation, starting at the episode's start
   * @param lost expected episodes with no violation at all
   * @param doubled expected episodes with two or more violations
   * @param shifted expected episodes with one violation that starts at another fix
   * @param spurious violations that belong to no expected episode
   * @param unclosed matched episodes that ended in the data but whose violation is not CLOSED
   * @param problems one line per mismatch, for the report
   */
  public record Result(
      int expected,
      int raised,
      int matched,
      int lost,
      int doubled,
      int shifted,
      int spurious,
      int unclosed,
      List<String> problems) {
    public static final Result EMPTY = new Result(0, 0, 0, 0, 0, 0, 0, 0, List.of());

    public boolean clean() {
      return lost == 0 && doubled == 0 && shifted == 0 && spurious == 0 && unclosed == 0;
    }

    /** What is new since {@code before} (an earlier check of the same run): counts and lines. */
    public Result since(Result before) {
      List<String> fresh = new ArrayList<>(problems);
      fresh.removeAll(before.problems);
      return new Result(
          expected - before.expected,
          raised - before.raised,
          matched - before.matched,
          Math.max(0, lost - before.lost),
          Math.max(0, doubled - before.doubled),
          Math.max(0, shifted - before.shifted),
          Math.max(0, spurious - before.spurious),
          Math.max(0, unclosed - before.unclosed),
          List.copyOf(fresh));
    }

    public Result plus(Result o) {
      List<String> all = new ArrayList<>(problems);
      all.addAll(o.problems);
      return new Result(
          expected + o.expected,
          raised + o.raised,
          matched + o.matched,
          lost + o.lost,
          doubled + o.doubled,
          shifted + o.shifted,
          spurious + o.spurious,
          unclosed + o.unclosed,
          List.copyOf(all));
    }
  }

  private EpisodeCheck() {}

  public static Result compare(String vehicleId, List<Episode> expected, List<Raised> raised) {
    int matched = 0;
    int lost = 0;
    int doubled = 0;
    int shifted = 0;
    int unclosed = 0;
    List<String> problems = new ArrayList<>();
    Set<Raised> explained = new HashSet<>();
    for (Episode e : expected) {
      List<Raised> overlapping = new ArrayList<>();
      for (Raised r : raised) {
        if (!r.startedAt().isBefore(e.start()) && !r.startedAt().isAfter(e.end())) {
          overlapping.add(r);
        }
      }
      explained.addAll(overlapping);
      if (overlapping.isEmpty()) {
        lost++;
        problems.add(vehicleId + ": episode " + e.start() + ".." + e.end() + " has no violation");
      } else if (overlapping.size() > 1) {
        doubled++;
        problems.add(
            vehicleId
                + ": episode "
                + e.start()
                + ".."
                + e.end()
                + " raised "
                + overlapping.size()
                + " times: "
                + overlapping);
      } else if (!overlapping.get(0).startedAt().equals(e.start())) {
        shifted++;
        problems.add(
            vehicleId + ": episode " + e.start() + " raised as starting at " + overlapping.get(0));
      } else {
        matched++;
        if (e.closed() && !"CLOSED".equals(overlapping.get(0).status())) {
          unclosed++;
          problems.add(
              vehicleId
                  + ": episode "
                  + e.start()
                  + ".."
                  + e.end()
                  + " ended but is "
                  + overlapping.get(0).status());
        }
      }
    }
    int spurious = 0;
    for (Raised r : raised) {
      if (!explained.contains(r)) {
        spurious++;
        problems.add(vehicleId + ": violation " + r + " matches no expected episode");
      }
    }
    return new Result(
        expected.size(),
        raised.size(),
        matched,
        lost,
        doubled,
        shifted,
        spurious,
        unclosed,
        List.copyOf(problems));
  }
}
