package dev.dozor.rules.engine;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.kie.api.runtime.rule.FactHandle;

/**
 * What one vehicle holds in its partition's session: how many {@link VehicleState} facts of each
 * class and regulation ({@link Episode}s among them). The session counts them as facts are inserted
 * and deleted; a point carries its vehicle's count, so a rule can ask, as a plain condition on the
 * point, whether there is anything to join with at all ({@link VehiclePoint#holdsEpisodeOf}). It
 * also keeps the facts themselves, which a regulation's own condition on the point reads ({@link
 * VehiclePoint#holdsAny}), and the handles of the {@link RunningTally running tallies}, which the
 * session hands each valid fix.
 *
 * <p>A point that is not evaluated by a partition session (a test's single fact) carries {@link
 * #UNKNOWN}, which lets every rule join: it answers "yes" both to "holds" and to "holds none".
 */
final class HeldState {
  /** For points outside a session: holds everything, so no rule is skipped. */
  static final HeldState UNKNOWN = new HeldState(true);

  /** For a vehicle that holds nothing (shared: never counted into). */
  static final HeldState NONE = new HeldState(false);

  private final boolean unknown;
  // one entry per kind of fact (its class) and regulation; a vehicle holds a handful
  private Class<?>[] kinds = new Class<?>[0];
  private String[] regulationIds = new String[0];
  private int[] counts = new int[0];
  // the facts themselves, per kind (counts[i] of them, oldest first)
  private VehicleState[][] facts = new VehicleState[0][];
  private int episodes;
  private int total;
  // the running tallies among the facts, with their handles (the session hands them each fix)
  private RunningTally[] tallies = NO_TALLIES;
  private FactHandle[] tallyHandles = NO_HANDLES;
  // each tally's phase, read once when it is counted (a kind's phase does not change): a walk of
  // one phase calls only the tallies of that phase
  private RunningTally.Phase[] tallyPhases = NO_PHASES;
  private int tallyCount;

  private static final RunningTally[] NO_TALLIES = new RunningTally[0];
  private static final FactHandle[] NO_HANDLES = new FactHandle[0];
  private static final RunningTally.Phase[] NO_PHASES = new RunningTally.Phase[0];

  HeldState() {
    this(false);
  }

  private HeldState(boolean unknown) {
    this.unknown = unknown;
  }

  /** Counts a fact the session just took in. */
  void add(VehicleState fact) {
    add(fact, null);
  }

  /** Counts a fact the session just took in under this handle; keeps it if a running tally. */
  void add(VehicleState fact, FactHandle handle) {
    count(fact, 1);
    if (fact instanceof RunningTally tally) {
      if (tallyCount == tallies.length) {
        tallies = Arrays.copyOf(tallies, tallyCount + 2);
        tallyHandles = Arrays.copyOf(tallyHandles, tallyCount + 2);
        tallyPhases = Arrays.copyOf(tallyPhases, tallyCount + 2);
      }
      tallies[tallyCount] = tally;
      tallyHandles[tallyCount] = handle;
      tallyPhases[tallyCount] = tally.phase();
      tallyCount++;
    }
  }

  /** Counts a fact the session just dropped. */
  void remove(VehicleState fact) {
    count(fact, -1);
    if (fact instanceof RunningTally) {
      for (int i = 0; i < tallyCount; i++) {
        if (tallies[i] == fact) {
          System.arraycopy(tallies, i + 1, tallies, i, tallyCount - i - 1);
          System.arraycopy(tallyHandles, i + 1, tallyHandles, i, tallyCount - i - 1);
          System.arraycopy(tallyPhases, i + 1, tallyPhases, i, tallyCount - i - 1);
          tallyCount--;
          tallies[tallyCount] = null;
          tallyHandles[tallyCount] = null;
          tallyPhases[tallyCount] = null;
          return;
        }
      }
    }
  }

  /**
   * Hands a valid point to the running tallies of this phase, oldest first, and passes the handle
   * of each whose rule-visible values changed to {@code changed}.
   *
   * @return how many tallies changed
   */
  int take(
      RunningTally.Phase phase,
      VehiclePoint point,
      long eventNowMs,
      java.util.function.Consumer<FactHandle> changed) {
    int n = 0;
    // a tally taking the point may not insert or delete facts (it is not a rule), so the array
    // stays as it is while we walk it
    for (int i = 0; i < tallyCount; i++) {
      if (tallyPhases[i] == phase && tallies[i].take(point, eventNowMs)) {
        changed.accept(tallyHandles[i]);
        n++;
      }
    }
    return n;
  }

  /**
   * Reads, at one depth of references from this object (0: its counters; 1: its arrays; 2: the
   * running tallies, which every valid fix is handed), what the vehicle's next point reads first,
   * and returns a number made of it so the reads are kept: see {@link BatchWarmUp}. The other facts
   * are left alone: a point reads them only when a rule's condition asks for them (reading them
   * here as well measured no faster).
   */
  long warm(int depth) {
    return switch (depth) {
      case 0 -> total + episodes + tallyCount;
      case 1 ->
          kinds.length
              + counts.length
              + regulationIds.length
              + facts.length
              + tallies.length
              + tallyPhases.length;
      case 2 -> {
        long t = 0;
        for (int i = 0; i < tallyCount; i++) {
          // the tally's class word: a read of the object's first line
          t += (Object) tallies[i].getClass() == Object.class ? 1 : 0;
        }
        yield t;
      }
      default -> 0;
    };
  }

  /** Whether nothing is held any more. */
  boolean isEmpty() {
    return total == 0;
  }

  /** Whether the vehicle holds an episode (candidate, open or ended) of this regulation. */
  boolean episodeOf(String regulationId) {
    if (unknown) {
      return true;
    }
    if (episodes == 0) {
      return false;
    }
    int i = indexOf(Episode.class, regulationId);
    return i >= 0 && counts[i] > 0;
  }

  /** Whether the vehicle holds an episode of any regulation. */
  boolean anyEpisode() {
    return unknown || episodes > 0;
  }

  /** Whether the vehicle holds a fact of this class (of any regulation). */
  boolean state(Class<?> kind) {
    if (unknown) {
      return true;
    }
    for (int i = 0; i < kinds.length; i++) {
      if (kinds[i] == kind && counts[i] > 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether the vehicle holds no fact of this class (for a point outside a session: true). */
  boolean noState(Class<?> kind) {
    return unknown || !state(kind);
  }

  private void count(VehicleState fact, int delta) {
    if (this == UNKNOWN || this == NONE) {
      throw new IllegalStateException("the shared " + this + " state is never counted into");
    }
    Class<?> kind = fact.getClass();
    String regulationId = fact.getRegulationId();
    int i = indexOf(kind, regulationId);
    if (i < 0) {
      i = kinds.length;
      kinds = Arrays.copyOf(kinds, i + 1);
      kinds[i] = kind;
      regulationIds = Arrays.copyOf(regulationIds, i + 1);
      regulationIds[i] = regulationId;
      counts = Arrays.copyOf(counts, i + 1);
      facts = Arrays.copyOf(facts, i + 1);
      facts[i] = new VehicleState[1];
    }
    keep(i, fact, delta);
    counts[i] += delta;
    if (kind == Episode.class) {
      episodes += delta;
    }
    total += delta;
  }

  private void keep(int i, VehicleState fact, int delta) {
    VehicleState[] f = facts[i];
    int n = counts[i];
    if (delta > 0) {
      if (n == f.length) {
        f = facts[i] = Arrays.copyOf(f, n * 2);
      }
      f[n] = fact;
      return;
    }
    for (int j = 0; j < n; j++) {
      if (f[j] == fact) {
        System.arraycopy(f, j + 1, f, j, n - j - 1);
        f[n - 1] = null;
        return;
      }
    }
  }

  /**
   * Whether the vehicle holds a fact of this class (of any regulation) that passes the test; true
   * for a point outside a session (unknown: a condition reading it must let the rule join).
   */
  @SuppressWarnings("unchecked")
  <T extends VehicleState> boolean any(Class<T> kind, Predicate<? super T> test) {
    if (unknown) {
      return true;
    }
    for (int i = 0; i < kinds.length; i++) {
      if (kinds[i] == kind) {
        for (int j = 0; j < counts[i]; j++) {
          if (test.test((T) facts[i][j])) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether the vehicle holds no fact of this class that passes the test (unknown: true). */
  <T extends VehicleState> boolean none(Class<T> kind, Predicate<? super T> test) {
    return unknown || !any(kind, test);
  }

  private int indexOf(Class<?> kind, String regulationId) {
    for (int i = 0; i < kinds.length; i++) {
      String id = regulationIds[i];
      if (kinds[i] == kind && (id == regulationId || Objects.equals(id, regulationId))) {
        return i;
      }
    }
    return -1;
  }

  /** The non-zero counts, by "regulation FactClass" (tests). */
  Map<String, Integer> counts() {
    Map<String, Integer> out = new TreeMap<>();
    for (int i = 0; i < kinds.length; i++) {
      if (counts[i] != 0) {
        out.put(regulationIds[i] + " " + kinds[i].getSimpleName(), counts[i]);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    if (unknown) {
      return "UNKNOWN";
    }
    if (this == NONE) {
      return "NONE";
    }
    StringBuilder b = new StringBuilder("HeldState{");
    for (int i = 0; i < kinds.length; i++) {
      b.append(i == 0 ? "" : ", ")
          .append(regulationIds[i])
          .append(' ')
          .append(kinds[i].getSimpleName())
          .append(": ")
          .append(counts[i]);
    }
    return b.append('}').toString();
  }
}
