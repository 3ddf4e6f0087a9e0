package dev.dozor.bench.rules;

import dev.dozor.bench.Progress;
import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Phase 2: heap retained by the engine's state. Builds the engine (compiled catalogue, registry
 * loaded), measures the heap after full GCs, feeds the fleet until every vehicle has state and many
 * have open episodes, and measures again; the difference is the state of the vehicles. Runs in the
 * benchmark's own JVM, before anything else allocates.
 */
final class HeapProbe {
  /**
   * The heap figures.
   *
   * @param vehicles vehicles fed
   * @param vehiclesInState vehicles the engine holds state for
   * @param points points fed
   * @param emptyEngineMb heap after full GC with the engine built, no vehicle state
   * @param loadedMb heap after full GC with the state
   * @param retainedMb loaded − empty
   * @param bytesPerVehicle retained / vehicles in state
   * @param facts facts in every session
   * @param openEpisodes episodes open (OPENED, not yet CLOSED) when measured, by regulation
   * @param offenderShare share of vehicles breaching a regulation every cycle
   * @param feedMinutes fix time fed, minutes
   */
  record Result(
      int vehicles,
      int vehiclesInState,
      long points,
      double emptyEngineMb,
      double loadedMb,
      double retainedMb,
      double bytesPerVehicle,
      long facts,
      Map<String, Integer> openEpisodes,
      double offenderShare,
      double feedMinutes) {

    int openTotal() {
      return openEpisodes.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private HeapProbe() {}

  static Result run(RulesBenchOptions o, Progress progress) throws InterruptedException {
    progress.say(
        "heap: building the engine and a fleet of %,d vehicles (%.0f %% breach a regulation every"
            + " 20 min)",
        o.vehicles(), o.heapOffenderShare() * 100);
    EngineSetup setup =
        EngineSetup.create(EngineSetup.ALL, o.vehicles(), o.heapOffenderShare(), o.sharedData(), 7);
    long empty = usedAfterGc();
    progress.say("heap: empty engine %,.0f MB after full GC", mb(empty));
    // fix intervals average 10 s: minutes × 6 fixes a vehicle
    double fixes = o.heapMinutes() * 6.0;
    Map<String, String> open = new HashMap<>();
    Set<String> closed = new HashSet<>();
    long t0 = System.nanoTime();
    long points =
        setup.feed(
            fixes,
            o.batch(),
            events -> {
              for (ViolationEvent e : events) {
                if (e.status() == ViolationStatus.CLOSED) {
                  open.remove(e.violationId());
                  closed.add(e.violationId());
                } else if (!closed.contains(e.violationId())) {
                  open.put(e.violationId(), e.regulationId());
                }
              }
            });
    progress.say(
        "heap: fed %,d points (%.0f min of fix time) in %.0f s",
        points, o.heapMinutes(), (System.nanoTime() - t0) / 1e9);
    closed.clear();
    long loaded = usedAfterGc();
    int inState = setup.engine().activeSessions();
    long facts = setup.engine().totalFactCount();
    Map<String, Integer> byReg = new java.util.TreeMap<>();
    open.values().forEach(r -> byReg.merge(r, 1, Integer::sum));
    Result r =
        new Result(
            o.vehicles(),
            inState,
            points,
            mb(empty),
            mb(loaded),
            mb(loaded - empty),
            inState == 0 ? 0 : (double) (loaded - empty) / inState,
            facts,
            byReg,
            o.heapOffenderShare(),
            o.heapMinutes());
    progress.say(
        "heap: %,.0f MB retained by the state of %,d vehicles (%,.0f bytes each), %,d facts, %,d"
            + " episodes open",
        r.retainedMb(), inState, r.bytesPerVehicle(), facts, r.openTotal());
    // keep the engine reachable until measured
    setup.engine().close();
    return r;
  }

  /** Heap in use after full collections (repeated until it stops shrinking). */
  static long usedAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(200);
      long used = memory.getHeapMemoryUsage().getUsed();
      if (used >= best * 0.99) {
        return Math.min(best, used);
      }
      best = Math.min(best, used);
    }
    return best;
  }

  static double mb(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
