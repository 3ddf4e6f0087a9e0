package dev.dozor.rules.whatif;

import dev.dozor.rules.common.ApiException;
import dev.dozor.rules.engine.RuleEngine;
import dev.dozor.rules.engine.RuleEngineService;
import dev.dozor.rules.engine.RulesConfig;
import dev.dozor.rules.regulation.RegulationCatalogue;
import dev.dozor.rules.version.RegulationVersionService;
import dev.dozor.rules.version.VersionDtos.StoredVersion;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Starts what-if replays in the background and keeps their progress and results: a candidate
 * version of one regulation against the active set, over stored telemetry of a district and period
 * read from telemetry-service as a stream.
 */
@ApplicationScoped
public class WhatIfService {
  private static final Logger LOG = Logger.getLogger(WhatIfService.class);

  /** A replay request (see docs/regulations.md). */
  public record WhatIfRequest(
      String regulationId,
      Integer version,
      String district,
      List<String> vehicles,
      Instant from,
      Instant to,
      String requestedBy) {}

  private final RuleEngineService engine;
  private final RegulationVersionService versions;
  private final RulesConfig rules;
  private final WhatIfConfig config;
  private final TelemetryExportClient telemetry;
  private final ExecutorService executor;
  private final AtomicInteger running = new AtomicInteger();
  private final Map<String, WhatIfJob> jobs = new LinkedHashMap<>();

  public WhatIfService(
      RuleEngineService engine,
      RegulationVersionService versions,
      RulesConfig rules,
      WhatIfConfig config) {
    this.engine = engine;
    this.versions = versions;
    this.rules = rules;
    this.config = config;
    this.telemetry = new TelemetryExportClient(config.telemetryUrl());
    this.executor =
        Executors.newFixedThreadPool(
            config.maxConcurrent(),
            r -> {
              Thread t = new Thread(r, "dozor-whatif");
              t.setDaemon(true);
              return t;
            });
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }

  /** Validates the request, starts the replay and returns its job. */
  public WhatIfJob start(WhatIfRequest request) {
    if (request.regulationId() == null || request.regulationId().isBlank()) {
      throw ApiException.badRequest("regulationId", "regulationId is required");
    }
    if (request.version() == null) {
      throw ApiException.badRequest("version", "the candidate version is required");
    }
    if ((request.district() == null || request.district().isBlank())
        && (request.vehicles() == null || request.vehicles().isEmpty())) {
      throw ApiException.badRequest("district", "a district or vehicles are required");
    }
    if (request.from() == null) {
      throw ApiException.badRequest("from", "from (ISO-8601 instant) is required");
    }
    if (request.to() == null || !request.to().isAfter(request.from())) {
      throw ApiException.badRequest("to", "to must be an ISO-8601 instant after from");
    }
    StoredVersion candidate = versions.version(request.regulationId(), request.version());
    RuleEngine live = engine.engine();
    RegulationCatalogue active = live.catalogue();
    RegulationCatalogue tried =
        active.with(new RegulationCatalogue.Entry(candidate.regulation(), candidate.drl()));
    if (running.incrementAndGet() > config.maxConcurrent()) {
      running.decrementAndGet();
      throw new ApiException(
          503,
          dev.dozor.rules.common.ApiError.of(
              config.maxConcurrent() + " what-if replay(s) already running; try again later",
              null));
    }
    WhatIfJob job =
        new WhatIfJob(
            UUID.randomUUID().toString(),
            request.regulationId(),
            active.require(request.regulationId()).version(),
            request.version(),
            request.district(),
            request.vehicles() == null ? List.of() : List.copyOf(request.vehicles()),
            request.from(),
            request.to(),
            WhatIfJob.RUNNING,
            -1,
            0,
            null,
            0,
            Instant.now(),
            null,
            null,
            null);
    put(job);
    LOG.infof(
        "what-if %s: %s v%d against active v%d over %s %s .. %s, requested by %s",
        job.id(),
        job.regulationId(),
        job.candidateVersion(),
        job.activeVersion(),
        job.district() != null ? "district " + job.district() : "vehicles " + job.vehicles(),
        job.from(),
        job.to(),
        request.requestedBy() == null ? "(unnamed)" : request.requestedBy());
    executor.execute(() -> run(job, active, tried, live));
    return job;
  }

  public WhatIfJob job(String id) {
    synchronized (jobs) {
      WhatIfJob job = jobs.get(id);
      if (job == null) {
        throw ApiException.notFound("no what-if replay " + id);
      }
      return job;
    }
  }

  public List<WhatIfJob> jobs() {
    synchronized (jobs) {
      return new ArrayList<>(jobs.values());
    }
  }

  private void run(
      WhatIfJob job, RegulationCatalogue active, RegulationCatalogue tried, RuleEngine live) {
    long started = System.nanoTime();
    try (TelemetryExportClient.Export export =
        telemetry.open(job.district(), job.vehicles(), job.from(), job.to())) {
      put(get(job.id()).progress(export.vehicles(), 0, null));
      long[] lastLog = {System.nanoTime()};
      WhatIfReplay replay =
          new WhatIfReplay(active, tried, rules.toSettings(), live.registry(), config.batchSize());
      EpisodeDiff diff =
          replay.run(
              export.points(),
              p -> {
                WhatIfJob now =
                    get(job.id()).progress(export.vehicles(), p.points(), p.lastFixTime());
                put(now);
                if (System.nanoTime() - lastLog[0] >= config.logEvery().toNanos()) {
                  lastLog[0] = System.nanoTime();
                  LOG.infof(
                      "what-if %s: %d points replayed, up to %s (%.1f %%)",
                      job.id(), p.points(), p.lastFixTime(), now.progressPct());
                }
              });
      WhatIfJob done = get(job.id()).done(diff.compare(config.maxListed()), Instant.now());
      put(done);
      LOG.infof(
          "what-if %s done: %d points of %d vehicles in %d s; episodes active %d, candidate %d",
          job.id(),
          done.points(),
          done.vehiclesInExport(),
          Duration.ofNanos(System.nanoTime() - started).toSeconds(),
          diff.activeEpisodes(),
          diff.candidateEpisodes());
    } catch (TelemetryExportClient.ExportRefusedException e) {
      put(get(job.id()).failed(e.getMessage(), Instant.now()));
      LOG.warnf("what-if %s failed: %s", job.id(), e.getMessage());
    } catch (RuntimeException e) {
      put(get(job.id()).failed(e.toString(), Instant.now()));
      LOG.errorf(e, "what-if %s failed", job.id());
    } finally {
      running.decrementAndGet();
    }
  }

  private WhatIfJob get(String id) {
    synchronized (jobs) {
      return jobs.get(id);
    }
  }

  private void put(WhatIfJob job) {
    synchronized (jobs) {
      jobs.put(job.id(), job);
      // keep the running ones and the newest finished ones
      List<String> finished =
          jobs.values().stream()
              .filter(j -> !WhatIfJob.RUNNING.equals(j.status()))
              .map(WhatIfJob::id)
              .toList();
      for (int i = 0; i < finished.size() - config.keepFinished(); i++) {
        jobs.remove(finished.get(i));
      }
    }
  }
}
