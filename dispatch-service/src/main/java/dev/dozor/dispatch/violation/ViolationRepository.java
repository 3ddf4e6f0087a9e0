package dev.dozor.dispatch.violation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.dozor.events.EvidencePoint;
import dev.dozor.events.JsonSerde;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads and writes {@code dispatch.violations}; callers own the session/transaction. */
@ApplicationScoped
public class ViolationRepository implements PanacheRepositoryBase<ViolationEntity, String> {
  private static final TypeReference<Map<String, Double>> NUMBERS = new TypeReference<>() {};
  private static final TypeReference<List<EvidencePoint>> EVIDENCE = new TypeReference<>() {};

  /** The row locked for update, or null. */
  public Uni<ViolationEntity> findForUpdate(String id) {
    return findById(id, LockModeType.PESSIMISTIC_WRITE);
  }

  public Uni<Violation> findViolation(String id) {
    return findById(id).map(e -> e == null ? null : toViolation(e));
  }

  /** Newest first by start, then id for a stable order. */
  public Uni<List<Violation>> search(ViolationFilter filter) {
    List<String> where = new ArrayList<>();
    Parameters params = new Parameters();
    if (filter.vehicleId() != null) {
      where.add("vehicleId = :vehicleId");
      params.and("vehicleId", filter.vehicleId());
    }
    if (filter.regulationId() != null) {
      where.add("regulationId = :regulationId");
      params.and("regulationId", filter.regulationId());
    }
    if (filter.statuses() != null && !filter.statuses().isEmpty()) {
      where.add("status in :statuses");
      params.and("statuses", filter.statuses());
    }
    if (filter.from() != null) {
      where.add("startedAt >= :from");
      params.and("from", filter.from());
    }
    if (filter.to() != null) {
      where.add("startedAt < :to");
      params.and("to", filter.to());
    }
    Sort sort = Sort.descending("startedAt").and("id");
    var query =
        where.isEmpty() ? findAll(sort) : find(String.join(" and ", where), sort, params.map());
    return query
        .range(0, filter.limit() - 1)
        .list()
        .map(rows -> rows.stream().map(ViolationRepository::toViolation).toList());
  }

  static Violation toViolation(ViolationEntity e) {
    return new Violation(
        e.id,
        e.regulationId,
        e.regulationVersion,
        e.title,
        e.severity,
        e.vehicleId,
        e.status,
        e.startedAt,
        e.endedAt,
        e.lastEventTime,
        read(e.parameters, NUMBERS),
        read(e.measurements, NUMBERS),
        read(e.evidence, EVIDENCE),
        e.acknowledgedBy,
        e.acknowledgedAt,
        e.ackComment,
        e.createdAt,
        e.updatedAt);
  }

  /** Copies every column of {@code v} into {@code e}. */
  static void copy(Violation v, ViolationEntity e) {
    e.id = v.id();
    e.regulationId = v.regulationId();
    e.regulationVersion = v.regulationVersion();
    e.title = v.title();
    e.severity = v.severity();
    e.vehicleId = v.vehicleId();
    e.status = v.status();
    e.startedAt = v.startedAt();
    e.endedAt = v.endedAt();
    e.lastEventTime = v.lastEventTime();
    e.parameters = JsonSerde.toJson(v.parameters());
    e.measurements = JsonSerde.toJson(v.measurements());
    e.evidence = JsonSerde.toJson(v.evidence());
    e.acknowledgedBy = v.acknowledgedBy();
    e.acknowledgedAt = v.acknowledgedAt();
    e.ackComment = v.ackComment();
    e.createdAt = v.createdAt();
    e.updatedAt = v.updatedAt();
  }

  private static <T> T read(String json, TypeReference<T> type) {
    if (json == null) {
      return null;
    }
    try {
      return JsonSerde.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt jsonb column: " + e.getMessage(), e);
    }
  }
}
