package dev.dozor.rules.version;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dozor.events.JsonSerde;
import dev.dozor.rules.regulation.Regulation;
import dev.dozor.rules.version.VersionDtos.Activation;
import dev.dozor.rules.version.VersionDtos.StoredVersion;
import dev.dozor.rules.version.VersionDtos.VersionSummary;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code rules.regulation_versions}, {@code rules.active_versions}, {@code rules.activations}. */
@ApplicationScoped
public class RegulationVersionRepository {
  private static final String VERSION_COLUMNS =
      "regulation_id, version, metadata, drl, created_at, created_by, comment";

  private final Pool pool;

  public RegulationVersionRepository(Pool pool) {
    this.pool = pool;
  }

  /** Stores a version; false when that number exists already. */
  public Uni<Boolean> insert(StoredVersion v) {
    return pool.preparedQuery(
            "INSERT INTO rules.regulation_versions ("
                + VERSION_COLUMNS
                + ")"
                + " VALUES ($1, $2, $3, $4, now(), $5, $6) ON CONFLICT DO NOTHING")
        .execute(
            Tuple.of(
                v.regulationId(),
                v.version(),
                new JsonObject(json(v.regulation())),
                v.drl(),
                v.createdBy(),
                v.comment()))
        .map(rows -> rows.rowCount() == 1);
  }

  public Uni<StoredVersion> find(String regulationId, int version) {
    return pool.preparedQuery(
            "SELECT "
                + VERSION_COLUMNS
                + " FROM rules.regulation_versions"
                + " WHERE regulation_id = $1 AND version = $2")
        .execute(Tuple.of(regulationId, version))
        .map(rows -> rows.iterator().hasNext() ? stored(rows.iterator().next()) : null);
  }

  /** The highest stored version of a regulation, or 0. */
  public Uni<Integer> maxVersion(String regulationId) {
    return pool.preparedQuery(
            "SELECT coalesce(max(version), 0) AS v FROM rules.regulation_versions"
                + " WHERE regulation_id = $1")
        .execute(Tuple.of(regulationId))
        .map(rows -> rows.iterator().next().getInteger("v"));
  }

  public Uni<List<VersionSummary>> versions(String regulationId) {
    return pool.preparedQuery(
            "SELECT v.regulation_id, v.version, v.created_at, v.created_by, v.comment,"
                + " (a.version IS NOT NULL) AS active"
                + " FROM rules.regulation_versions v LEFT JOIN rules.active_versions a"
                + " ON a.regulation_id = v.regulation_id AND a.version = v.version"
                + " WHERE v.regulation_id = $1 ORDER BY v.version")
        .execute(Tuple.of(regulationId))
        .map(
            rows -> {
              List<VersionSummary> list = new ArrayList<>();
              for (Row r : rows) {
                list.add(
                    new VersionSummary(
                        r.getString("regulation_id"),
                        r.getInteger("version"),
                        r.getOffsetDateTime("created_at").toInstant(),
                        r.getString("created_by"),
                        r.getString("comment"),
                        r.getBoolean("active")));
              }
              return list;
            });
  }

  /** The active version of every regulation, by id. */
  public Uni<Map<String, Integer>> activeVersions() {
    return pool.query("SELECT regulation_id, version FROM rules.active_versions")
        .execute()
        .map(
            rows -> {
              Map<String, Integer> active = new LinkedHashMap<>();
              rows.forEach(r -> active.put(r.getString("regulation_id"), r.getInteger("version")));
              return active;
            });
  }

  /** The stored versions that are active. */
  public Uni<List<StoredVersion>> activeSet() {
    return pool.query(
            "SELECT v.regulation_id, v.version, v.metadata, v.drl, v.created_at, v.created_by,"
                + " v.comment FROM rules.regulation_versions v JOIN rules.active_versions a"
                + " ON a.regulation_id = v.regulation_id AND a.version = v.version")
        .execute()
        .map(
            rows -> {
              List<StoredVersion> list = new ArrayList<>();
              rows.forEach(r -> list.add(stored(r)));
              return list;
            });
  }

  /**
   * Makes a version the active one and writes the audit row, in one transaction.
   *
   * @return the audit row
   */
  public Uni<Activation> activate(
      String regulationId, int version, String action, String by, String reason) {
    return pool.withTransaction(
        tx ->
            previousActive(tx, regulationId)
                .chain(
                    previous ->
                        tx.preparedQuery(
                                "INSERT INTO rules.active_versions (regulation_id, version)"
                                    + " VALUES ($1, $2) ON CONFLICT (regulation_id) DO UPDATE"
                                    + " SET version = EXCLUDED.version, activated_at = now()")
                            .execute(Tuple.of(regulationId, version))
                            .chain(
                                () ->
                                    tx.preparedQuery(
                                            "INSERT INTO rules.activations (regulation_id,"
                                                + " version, previous_version, action,"
                                                + " activated_by, reason) VALUES ($1, $2, $3,"
                                                + " $4, $5, $6) RETURNING id, activated_at")
                                        .execute(
                                            Tuple.from(
                                                java.util.Arrays.asList(
                                                    regulationId,
                                                    version,
                                                    previous,
                                                    action,
                                                    by,
                                                    reason))))
                            .map(
                                rows -> {
                                  Row r = rows.iterator().next();
                                  return new Activation(
                                      r.getLong("id"),
                                      regulationId,
                                      version,
                                      previous,
                                      action,
                                      r.getOffsetDateTime("activated_at").toInstant(),
                                      by,
                                      reason);
                                })));
  }

  /** The version that was active before the current one (from the audit trail), or null. */
  public Uni<Integer> versionBeforeCurrent(String regulationId) {
    return pool.preparedQuery(
            "SELECT previous_version FROM rules.activations WHERE regulation_id = $1"
                + " ORDER BY id DESC LIMIT 1")
        .execute(Tuple.of(regulationId))
        .map(
            rows ->
                rows.iterator().hasNext()
                    ? rows.iterator().next().getInteger("previous_version")
                    : null);
  }

  /** The audit trail, newest first; all regulations when the id is null. */
  public Uni<List<Activation>> activations(String regulationId, int limit) {
    String where = regulationId == null ? "" : " WHERE regulation_id = $2";
    Tuple args = regulationId == null ? Tuple.of(limit) : Tuple.of(limit, regulationId);
    return pool.preparedQuery(
            "SELECT id, regulation_id, version, previous_version, action, activated_at,"
                + " activated_by, reason FROM rules.activations"
                + where
                + " ORDER BY id DESC LIMIT $1")
        .execute(args)
        .map(
            rows -> {
              List<Activation> list = new ArrayList<>();
              for (Row r : rows) {
                list.add(
                    new Activation(
                        r.getLong("id"),
                        r.getString("regulation_id"),
                        r.getInteger("version"),
                        r.getInteger("previous_version"),
                        r.getString("action"),
                        r.getOffsetDateTime("activated_at").toInstant(),
                        r.getString("activated_by"),
                        r.getString("reason")));
              }
              return list;
            });
  }

  private static Uni<Integer> previousActive(SqlClient tx, String regulationId) {
    return tx.preparedQuery(
            "SELECT version FROM rules.active_versions WHERE regulation_id = $1 FOR UPDATE")
        .execute(Tuple.of(regulationId))
        .map(
            rows ->
                rows.iterator().hasNext() ? rows.iterator().next().getInteger("version") : null);
  }

  private static StoredVersion stored(Row r) {
    Regulation regulation;
    try {
      regulation =
          JsonSerde.mapper().readValue(r.getJsonObject("metadata").encode(), Regulation.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "stored regulation "
              + r.getString("regulation_id")
              + " v"
              + r.getInteger("version")
              + " is unreadable: "
              + e.getOriginalMessage(),
          e);
    }
    OffsetDateTime created = r.getOffsetDateTime("created_at");
    return new StoredVersion(
        r.getString("regulation_id"),
        r.getInteger("version"),
        regulation,
        r.getString("drl"),
        created == null ? null : created.withOffsetSameInstant(ZoneOffset.UTC).toInstant(),
        r.getString("created_by"),
        r.getString("comment"));
  }

  private static String json(Regulation regulation) {
    try {
      return JsonSerde.mapper().writeValueAsString(regulation);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write regulation " + regulation.id(), e);
    }
  }
}
