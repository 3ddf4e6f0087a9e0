package dev.dozor.dispatch.violation;

import dev.dozor.events.ViolationEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** The violation workflow: applying rules-service events, searching, acknowledging. */
@ApplicationScoped
public class ViolationService {
  private final ViolationRepository repository;
  private final Clock clock = Clock.systemUTC();

  @Inject
  public ViolationService(ViolationRepository repository) {
    this.repository = repository;
  }

  /**
   * Folds the event into the stored episode in one transaction (row locked).
   *
   * @return the stored state when the event changed something, empty when it was stale or a
   *     re-delivery
   */
  public Uni<Optional<Violation>> apply(ViolationEvent event) {
    return Panache.withTransaction(
        () ->
            repository
                .findForUpdate(event.violationId())
                .chain(
                    entity -> {
                      Violation stored =
                          entity == null ? null : ViolationRepository.toViolation(entity);
                      Optional<Violation> merged = ViolationMerge.merge(stored, event, now());
                      if (merged.isEmpty()) {
                        return Uni.createFrom().item(merged);
                      }
                      ViolationEntity target = entity == null ? new ViolationEntity() : entity;
                      ViolationRepository.copy(merged.get(), target);
                      Uni<ViolationEntity> write =
                          entity == null
                              ? repository.persist(target)
                              : Uni.createFrom().item(target);
                      return write.replaceWith(merged);
                    }));
  }

  public Uni<List<Violation>> search(ViolationFilter filter) {
    return Panache.withSession(() -> repository.search(filter));
  }

  /** The episode, or null. */
  public Uni<Violation> find(String id) {
    return Panache.withSession(() -> repository.findViolation(id));
  }

  /** Acknowledges once; a second acknowledgement keeps the first one and reports it. */
  public Uni<AcknowledgeOutcome> acknowledge(String id, String user, String comment) {
    return Panache.withTransaction(
        () ->
            repository
                .findForUpdate(id)
                .map(
                    entity -> {
                      if (entity == null) {
                        return new AcknowledgeOutcome.NotFound(id);
                      }
                      Violation stored = ViolationRepository.toViolation(entity);
                      if (stored.isAcknowledged()) {
                        return new AcknowledgeOutcome.AlreadyAcknowledged(stored);
                      }
                      Violation acknowledged = stored.acknowledged(user, comment, now());
                      ViolationRepository.copy(acknowledged, entity);
                      return new AcknowledgeOutcome.Acknowledged(acknowledged);
                    }));
  }

  /** Microsecond precision, as PostgreSQL stores it, so what we return equals what we read. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
