package dev.dozor.bench.accuracy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Precision and recall of raised violations per regulation against injected ground truth. An
 * injected episode is recalled when a raised episode of the same regulation and vehicle overlaps
 * it; a raised episode is a true positive when it overlaps some injected episode.
 *
 * @param regulationId regulation
 * @param injected injected episodes
 * @param recalled injected episodes that some raised one overlaps
 * @param raised raised episodes
 * @param truePositives raised episodes that overlap an injected one
 * @param precision truePositives / raised (null when nothing was raised)
 * @param recall recalled / injected (null when nothing was injected)
 * @param note why a figure is missing or zero, or empty
 */
public record AccuracyScore(
    String regulationId,
    int injected,
    int recalled,
    int raised,
    int truePositives,
    Double precision,
    Double recall,
    String note) {

  /** Scores every regulation present in either list; {@code implemented} adds the note. */
  public static List<AccuracyScore> score(
      List<Episode> injected, List<Episode> raised, Set<String> implemented) {
    Set<String> regulations = new TreeSet<>();
    injected.forEach(e -> regulations.add(e.regulationId()));
    raised.forEach(e -> regulations.add(e.regulationId()));
    List<AccuracyScore> scores = new ArrayList<>();
    for (String reg : regulations) {
      List<Episode> inj = injected.stream().filter(e -> e.regulationId().equals(reg)).toList();
      List<Episode> rai = raised.stream().filter(e -> e.regulationId().equals(reg)).toList();
      int recalled = (int) inj.stream().filter(i -> rai.stream().anyMatch(i::overlaps)).count();
      int tp = (int) rai.stream().filter(r -> inj.stream().anyMatch(r::overlaps)).count();
      String note = "";
      if (!implemented.contains(reg)) {
        note = "no implementation of " + reg + " in rules-service yet";
      } else if (inj.isEmpty()) {
        note = "nothing injected";
      }
      // boxed on purpose: a mixed null/double conditional would unbox null and throw
      Double precision = rai.isEmpty() ? null : Double.valueOf((double) tp / rai.size());
      Double recall;
      if (!inj.isEmpty()) {
        recall = (double) recalled / inj.size();
      } else {
        recall = implemented.contains(reg) ? null : Double.valueOf(0.0);
      }
      scores.add(
          new AccuracyScore(reg, inj.size(), recalled, rai.size(), tp, precision, recall, note));
    }
    return scores;
  }

  /** Scores keyed by regulation id. */
  public static Map<String, AccuracyScore> byRegulation(List<AccuracyScore> scores) {
    Map<String, AccuracyScore> m = new LinkedHashMap<>();
    scores.forEach(s -> m.put(s.regulationId(), s));
    return m;
  }
}
