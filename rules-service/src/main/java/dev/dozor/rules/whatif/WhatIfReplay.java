package dev.dozor.rules.whatif;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.rules.engine.EngineSettings;
import dev.dozor.rules.engine.RuleEngine;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.rules.regulation.RegulationCatalogue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the active and a candidate regulation set side by side over a stream of stored points (in
 * fix-time order), in batches, and compares their violations. Pure: the points come from an
 * iterator, so a month of telemetry never sits in memory at once; each engine keeps only its
 * bounded per-vehicle state.
 */
public final class WhatIfReplay {
  /** Progress after each batch. */
  public record Progress(long points, Instant lastFixTime) {}

  private final RegulationCatalogue active;
  private final RegulationCatalogue candidate;
  private final EngineSettings settings;
  private final RegistryState registry;
  private final int batchSize;

  public WhatIfReplay(
      RegulationCatalogue active,
      RegulationCatalogue candidate,
      EngineSettings settings,
      RegistryState registry,
      int batchSize) {
    this.active = active;
    this.candidate = candidate;
    this.settings = settings;
    this.registry = registry;
    this.batchSize = batchSize;
  }

  /**
   * Replays the points and returns the collected episodes of both sets; episodes still open at the
   * end are closed there (as if the vehicles went silent).
   */
  public EpisodeDiff run(Iterator<TelemetryPoint> points, Consumer<Progress> progress) {
    // the replay's wall clock stands still, so no vehicle is taken for silent mid-replay
    MovableClock wall = new MovableClock(Instant.parse("2000-01-01T00:00:00Z"));
    EpisodeDiff diff = new EpisodeDiff();
    try (RuleEngine a = new RuleEngine(active, settings, wall, registry);
        RuleEngine c = new RuleEngine(candidate, settings, wall, registry)) {
      List<TelemetryPoint> batch = new ArrayList<>(batchSize);
      long count = 0;
      while (points.hasNext()) {
        batch.add(points.next());
        if (batch.size() == batchSize || !points.hasNext()) {
          diff.active(a.process(batch));
          diff.candidate(c.process(batch));
          count += batch.size();
          progress.accept(new Progress(count, batch.get(batch.size() - 1).fixTime()));
          batch.clear();
        }
      }
      wall.advance(settings.sessionIdleTimeout().plusSeconds(1));
      diff.active(a.endIdleVehicles());
      diff.candidate(c.endIdleVehicles());
    }
    return diff;
  }

  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(java.time.Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
