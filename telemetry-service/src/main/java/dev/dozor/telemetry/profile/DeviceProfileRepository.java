package dev.dozor.telemetry.profile;

import dev.dozor.events.ChannelMapping;
import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.JsonSerde;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code telemetry.device_profiles}, on the reactive PG pool (mappings are jsonb). */
@ApplicationScoped
public class DeviceProfileRepository {
  private static final String COLUMNS = "id, name, mappings::text AS mappings, updated_at";

  // xmax = 0 only for a freshly inserted row: tells a create from an update
  private static final String UPSERT =
      """
      INSERT INTO telemetry.device_profiles (id, name, mappings)
      VALUES ($1, $2, $3::text::jsonb)
      ON CONFLICT (id) DO UPDATE
        SET name = EXCLUDED.name, mappings = EXCLUDED.mappings, updated_at = now()
      RETURNING (xmax = 0) AS created
      """;

  private static final String FIRST_USER =
      """
      SELECT id, count(*) OVER () AS users FROM telemetry.devices
      WHERE profile_id = $1 ORDER BY id LIMIT 1
      """;

  private final Pool pool;

  public DeviceProfileRepository(Pool pool) {
    this.pool = pool;
  }

  /** A stored profile with its last change. */
  public record StoredProfile(DeviceProfileRecord record, Instant updatedAt) {}

  /**
   * What a delete did.
   *
   * @param deleted the profile existed and is gone
   * @param usedBy a device that still names the profile (then nothing was deleted), or null
   * @param users how many devices name it
   */
  public record DeleteOutcome(boolean deleted, String usedBy, long users) {}

  public Uni<List<StoredProfile>> listAll() {
    return pool.query("SELECT " + COLUMNS + " FROM telemetry.device_profiles ORDER BY id")
        .execute()
        .map(DeviceProfileRepository::toProfiles);
  }

  /** The profile, or null. */
  public Uni<StoredProfile> find(String id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM telemetry.device_profiles WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> toProfiles(rows).stream().findFirst().orElse(null));
  }

  /**
   * Creates or replaces the profile.
   *
   * @return true when it was created
   */
  public Uni<Boolean> upsert(DeviceProfileRecord profile) {
    return pool.preparedQuery(UPSERT)
        .execute(Tuple.of(profile.id(), profile.name(), JsonSerde.toJson(profile.mappings())))
        .map(rows -> rows.iterator().next().getBoolean("created"));
  }

  /**
   * Deletes the profile unless a device names it, in one transaction. A device that names it
   * concurrently makes the foreign key (ON DELETE RESTRICT) fail the delete instead.
   */
  public Uni<DeleteOutcome> deleteUnused(String id) {
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(FIRST_USER)
                .execute(Tuple.of(id))
                .chain(
                    users -> {
                      if (users.size() > 0) {
                        Row first = users.iterator().next();
                        return Uni.createFrom()
                            .item(
                                new DeleteOutcome(
                                    false, first.getString("id"), first.getLong("users")));
                      }
                      return conn.preparedQuery(
                              "DELETE FROM telemetry.device_profiles WHERE id = $1")
                          .execute(Tuple.of(id))
                          .map(rows -> new DeleteOutcome(rows.rowCount() > 0, null, 0));
                    }));
  }

  private static List<StoredProfile> toProfiles(RowSet<Row> rows) {
    List<StoredProfile> profiles = new ArrayList<>();
    for (Row row : rows) {
      List<ChannelMapping> mappings =
          Arrays.asList(JsonSerde.fromJson(row.getString("mappings"), ChannelMapping[].class));
      profiles.add(
          new StoredProfile(
              DeviceProfileRecord.of(row.getString("id"), row.getString("name"), mappings),
              row.getOffsetDateTime("updated_at").toInstant()));
    }
    return profiles;
  }
}
