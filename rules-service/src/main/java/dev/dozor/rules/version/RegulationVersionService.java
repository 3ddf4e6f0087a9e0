package dev.dozor.rules.version;

import dev.dozor.rules.common.ApiError;
import dev.dozor.rules.common.ApiException;
import dev.dozor.rules.engine.KieBaseCompiler;
import dev.dozor.rules.engine.RuleEngineService;
import dev.dozor.rules.regulation.ParameterSpec;
import dev.dozor.rules.regulation.Regulation;
import dev.dozor.rules.regulation.RegulationCatalogue;
import dev.dozor.rules.version.VersionDtos.Activation;
import dev.dozor.rules.version.VersionDtos.NewVersionRequest;
import dev.dozor.rules.version.VersionDtos.RegulationDetail;
import dev.dozor.rules.version.VersionDtos.StoredVersion;
import dev.dozor.rules.version.VersionDtos.VersionSummary;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Regulation versions: stores new ones after compiling them with the rest of the active set,
 * activates and rolls back with an audit row, and keeps the engine running the stored active set
 * (also when another instance changed it). Blocking; called from worker threads.
 */
@ApplicationScoped
public class RegulationVersionService {
  private static final Logger LOG = Logger.getLogger(RegulationVersionService.class);
  private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
  static final String SYSTEM = "dozor";

  private final RegulationVersionRepository repository;
  private final RuleEngineService engine;
  private final RegulationCatalogue shipped;
  private volatile boolean loaded;

  public RegulationVersionService(
      RegulationVersionRepository repository,
      RuleEngineService engine,
      RegulationCatalogue shipped) {
    this.repository = repository;
    this.engine = engine;
    this.shipped = shipped;
  }

  void onStart(@Observes StartupEvent event) {
    seedShippedVersions();
    syncEngine();
    loaded = true;
  }

  /** True once the stored active set runs in the engine. */
  public boolean isLoaded() {
    return loaded;
  }

  /**
   * Stores the class-path regulations the database does not have yet; a shipped version newer than
   * every stored one becomes active (audit action {@code shipped}).
   */
  void seedShippedVersions() {
    for (RegulationCatalogue.Entry e : shipped.entries()) {
      Regulation r = e.regulation();
      int stored = await(repository.maxVersion(r.id()));
      if (r.version() > stored) {
        await(
            repository.insert(
                new StoredVersion(
                    r.id(), r.version(), r, e.drl(), null, SYSTEM, "shipped with the service")));
        await(
            repository.activate(
                r.id(),
                r.version(),
                "shipped",
                SYSTEM,
                "version " + r.version() + " shipped with the service"));
        LOG.infof("regulation %s: shipped version %d stored and activated", r.id(), r.version());
      } else {
        warnIfShippedTextDiffers(e);
      }
    }
  }

  /**
   * A stored version is never rewritten (it is what the audit trail names), so a DRL shipped under
   * a version number the database already holds does not run: say so, with what to do.
   */
  private void warnIfShippedTextDiffers(RegulationCatalogue.Entry e) {
    Regulation r = e.regulation();
    StoredVersion stored = await(repository.find(r.id(), r.version()));
    if (stored != null && !stored.drl().equals(e.drl())) {
      LOG.warnf(
          "regulation %s: the DRL shipped as version %d differs from the stored version %d, which"
              + " stays as stored; to run the shipped text, create a new version from it"
              + " (POST /api/v1/regulations/%s/versions)",
          r.id(), r.version(), r.version(), r.id());
    }
  }

  /** Checks the stored active set and activates it in the engine when it changed. */
  @Scheduled(
      every = "${dozor.rules.versions.poll-interval:5s}",
      delayed = "${dozor.rules.versions.poll-interval:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void poll() {
    if (!loaded) {
      return;
    }
    try {
      syncEngine();
    } catch (RuntimeException e) {
      LOG.warnf("could not check the active regulation versions: %s", e.getMessage());
    }
  }

  synchronized void syncEngine() {
    Map<String, StoredVersion> active =
        await(repository.activeSet()).stream()
            .collect(Collectors.toMap(StoredVersion::regulationId, v -> v));
    Map<String, Integer> running = runningVersions();
    Map<String, Integer> wanted = new LinkedHashMap<>();
    // the shipped index orders the set; regulations the service no longer ships are not run
    for (Regulation r : shipped.regulations()) {
      StoredVersion v = active.get(r.id());
      wanted.put(r.id(), v == null ? r.version() : v.version());
    }
    if (wanted.equals(running)) {
      return;
    }
    RegulationCatalogue next =
        RegulationCatalogue.of(
            shipped.entries().stream()
                .map(
                    e -> {
                      StoredVersion v = active.get(e.regulation().id());
                      return v == null ? e : new RegulationCatalogue.Entry(v.regulation(), v.drl());
                    })
                .toList());
    engine.engine().activate(next);
    LOG.infof("regulation set activated in the engine: %s", wanted);
  }

  public List<Regulation> activeRegulations() {
    return engine.engine().catalogue().regulations();
  }

  public RegulationDetail detail(String regulationId) {
    RegulationCatalogue.Entry entry = requireRunning(regulationId);
    return new RegulationDetail(
        entry.regulation(), entry.drl(), await(repository.versions(regulationId)));
  }

  public List<VersionSummary> versions(String regulationId) {
    requireRunning(regulationId);
    return await(repository.versions(regulationId));
  }

  public StoredVersion version(String regulationId, int version) {
    requireRunning(regulationId);
    StoredVersion v = await(repository.find(regulationId, version));
    if (v == null) {
      throw ApiException.notFound("regulation " + regulationId + " has no version " + version);
    }
    return v;
  }

  /**
   * Builds, compiles (with the rest of the active set) and stores a new version; nothing is
   * activated.
   */
  public StoredVersion create(String regulationId, NewVersionRequest request) {
    requireText("author", request.author());
    requireText("comment", request.comment());
    StoredVersion base =
        request.basedOn() == null
            ? activeStored(regulationId)
            : version(regulationId, request.basedOn());
    int next = await(repository.maxVersion(regulationId)) + 1;
    Regulation candidate = candidate(base.regulation(), next, request);
    String drl = request.drl() == null ? base.drl() : request.drl();
    RegulationCatalogue.Entry entry = new RegulationCatalogue.Entry(candidate, drl);
    try {
      KieBaseCompiler.compile(engine.engine().catalogue().with(entry));
    } catch (KieBaseCompiler.RegulationCompileException e) {
      throw new ApiException(
          422,
          new ApiError(
              "version " + next + " of " + regulationId + " does not compile; nothing stored",
              "drl",
              e.problems()));
    } catch (RegulationCatalogue.InvalidRegulationException e) {
      throw ApiException.badRequest("overrides", e.getMessage());
    }
    StoredVersion stored =
        new StoredVersion(
            regulationId, next, candidate, drl, null, request.author(), request.comment());
    if (!await(repository.insert(stored))) {
      throw ApiException.conflict(
          "version " + next + " of " + regulationId + " was created meanwhile; send it again");
    }
    LOG.infof(
        "regulation %s: version %d created by %s (%s)",
        regulationId, next, request.author(), request.comment());
    return await(repository.find(regulationId, next));
  }

  /** Activates a stored version, writes the audit row and runs it in the engine. */
  public Activation activate(String regulationId, int version, String by, String reason) {
    requireText("by", by);
    requireText("reason", reason);
    version(regulationId, version);
    Activation a = await(repository.activate(regulationId, version, "activate", by, reason));
    syncEngine();
    LOG.infof(
        "regulation %s: version %d activated by %s (was %s): %s",
        regulationId, version, by, a.previousVersion(), reason);
    return a;
  }

  /** Activates the version that was active before the current one. */
  public Activation rollback(String regulationId, String by, String reason) {
    requireText("by", by);
    requireText("reason", reason);
    requireRunning(regulationId);
    Integer previous = await(repository.versionBeforeCurrent(regulationId));
    if (previous == null) {
      throw ApiException.conflict(
          "regulation " + regulationId + " has no earlier active version to roll back to");
    }
    Activation a = await(repository.activate(regulationId, previous, "rollback", by, reason));
    syncEngine();
    LOG.infof(
        "regulation %s: rolled back to version %d by %s: %s", regulationId, previous, by, reason);
    return a;
  }

  public List<Activation> activations(String regulationId, int limit) {
    if (regulationId != null) {
      requireRunning(regulationId);
    }
    return await(repository.activations(regulationId, limit));
  }

  private StoredVersion activeStored(String regulationId) {
    RegulationCatalogue.Entry entry = requireRunning(regulationId);
    return version(regulationId, entry.regulation().version());
  }

  private RegulationCatalogue.Entry requireRunning(String regulationId) {
    return engine
        .engine()
        .catalogue()
        .entry(regulationId)
        .orElseThrow(() -> ApiException.notFound("no regulation " + regulationId));
  }

  private static Regulation candidate(Regulation base, int version, NewVersionRequest request) {
    Map<String, ParameterSpec> parameters = new LinkedHashMap<>(base.parameters());
    if (request.parameters() != null) {
      request
          .parameters()
          .forEach(
              (name, value) -> {
                ParameterSpec spec = parameters.get(name);
                if (spec == null) {
                  throw ApiException.badRequest(
                      "parameters." + name,
                      base.id()
                          + " has no parameter '"
                          + name
                          + "'; it has "
                          + parameters.keySet());
                }
                if (value == null || value.isNaN() || value.isInfinite()) {
                  throw ApiException.badRequest(
                      "parameters." + name, "must be a finite number, was " + value);
                }
                parameters.put(name, new ParameterSpec(value, spec.unit(), spec.description()));
              });
    }
    return new Regulation(
        base.id(),
        version,
        base.title(),
        base.description(),
        base.severity(),
        base.vehicleTypes(),
        base.drl(),
        parameters,
        request.overrides() == null ? base.overrides() : request.overrides());
  }

  private Map<String, Integer> runningVersions() {
    Map<String, Integer> running = new LinkedHashMap<>();
    engine.engine().catalogue().regulations().forEach(r -> running.put(r.id(), r.version()));
    return running;
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(field, field + " is required");
    }
  }

  private static <T> T await(io.smallrye.mutiny.Uni<T> uni) {
    return uni.await().atMost(DB_TIMEOUT);
  }
}
