package dev.dozor.bench.rules;

import dev.dozor.bench.BenchException;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.rules.engine.EngineSettings;
import dev.dozor.rules.engine.RuleEngine;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.rules.regulation.RegulationCatalogue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An engine over the benchmark's registry and fleet, as both the JMH benchmark and the heap probe
 * build it: class-path catalogue (or a subset), default settings, a registry with the geography,
 * the fleet and one assignment per vehicle.
 *
 * @param fleet the workload
 * @param registry places, vehicles, assignments
 * @param engine the engine under test
 */
public record EngineSetup(EngineFleet fleet, RegistryState registry, RuleEngine engine) {
  /** Fix time the benchmark fleets start at (a weekday morning in Moscow, 08:00 local). */
  public static final Instant START = Instant.parse("2026-01-15T05:00:00Z");

  /** Everything on the class path ({@code regulations/index.txt}). */
  public static final String ALL = "all";

  /** The engine framework alone: enrichment, sessions, episode lifecycle, no regulation rules. */
  public static final String NONE = "none";

  /**
   * The catalogue to benchmark: {@link #ALL}, {@link #NONE} or a comma-separated list of ids.
   *
   * @throws BenchException naming an id the class-path catalogue does not have
   */
  public static RegulationCatalogue catalogue(String which) {
    RegulationCatalogue all = RegulationCatalogue.fromClasspath();
    if (which == null || which.isBlank() || which.equals(ALL)) {
      return all;
    }
    if (which.equals(NONE)) {
      return RegulationCatalogue.of(List.of());
    }
    List<RegulationCatalogue.Entry> chosen = new ArrayList<>();
    for (String id : which.split(",")) {
      chosen.add(
          all.entry(id.strip())
              .orElseThrow(
                  () ->
                      new BenchException(
                          "regulation "
                              + id.strip()
                              + " is not in the catalogue ("
                              + ids(all)
                              + ")")));
    }
    return RegulationCatalogue.of(chosen);
  }

  /** The ids of a catalogue, comma-separated. */
  public static String ids(RegulationCatalogue c) {
    return String.join(", ", c.regulations().stream().map(r -> r.id()).toList());
  }

  /**
   * Builds geography, fleet, registry and engine (the DRL compile takes a few seconds).
   *
   * @param sharedData folder laid out like {@code ../shared/data}, or null for the grid
   */
  public static EngineSetup create(
      String regulations, int vehicles, double offenderShare, Path sharedData, long seed) {
    RulesGeography geo = RulesGeography.load(sharedData, seed);
    EngineFleet fleet = new EngineFleet(geo, vehicles, START, offenderShare, seed);
    RegistryState registry = fleet.registry(START.minus(Duration.ofHours(1)), Duration.ofHours(24));
    RuleEngine engine =
        new RuleEngine(
            catalogue(regulations), EngineSettings.defaults(), Clock.systemUTC(), registry);
    return new EngineSetup(fleet, registry, engine);
  }

  /**
   * Feeds the fleet through the engine in batches until every vehicle has sent {@code
   * fixesPerVehicle} fixes on average; each batch's events go to {@code events}.
   *
   * @return points processed
   */
  public long feed(double fixesPerVehicle, int batch, Consumer<List<ViolationEvent>> events) {
    long points = Math.round(fleet.size() * fixesPerVehicle);
    long done = 0;
    while (done < points) {
      int n = (int) Math.min(batch, points - done);
      List<TelemetryPoint> b = fleet.nextBatch(n);
      events.accept(engine.process(b));
      done += n;
    }
    return done;
  }
}
