package dev.dozor.rules.registry;

import dev.dozor.events.AssignmentRecord;
import dev.dozor.events.DistrictRecord;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.RegistryKeys;
import dev.dozor.events.RoadSegmentRecord;
import dev.dozor.events.Topics;
import dev.dozor.events.VehicleRecord;
import dev.dozor.events.WeatherEventRecord;
import dev.dozor.events.ZoneRecord;
import dev.dozor.events.kafka.CompactedTopicReader;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps {@link RegistryState} current from the compacted registry topic: vehicles, districts,
 * zones, road segments, assignments and weather events. Every instance reads every record (no
 * consumer group). A record it cannot read removes the entity, so stale data never lingers.
 */
@ApplicationScoped
public class RegistryConsumer {
  private static final Logger LOG = Logger.getLogger(RegistryConsumer.class);

  private final RegistryState state;
  private final CompactedTopicReader reader;

  public RegistryConsumer(
      RegistryState state,
      RegistryConfig config,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
    this.state = state;
    this.reader =
        new CompactedTopicReader(
            Topics.REGISTRY,
            bootstrapServers,
            "dozor-rules-registry",
            new CompactedTopicReader.Settings(
                config.pollTimeout(), config.retryBackoff(), config.apiTimeout()),
            new CompactedTopicReader.Listener() {
              @Override
              public void apply(ConsumerRecords<String, byte[]> records) {
                records.forEach(RegistryConsumer.this::apply);
                if (state.publishPlaces() && reader().isCaughtUp()) {
                  logPlaces("geography updated");
                }
              }

              @Override
              public void caughtUp(long records, long millis) {
                state.publishPlaces();
                logPlaces("registry caught up from " + records + " records in " + millis + " ms");
              }
            });
  }

  /** The registry the engine reads. */
  static final class Producer {
    @Produces
    @Singleton
    RegistryState registryState(RegistryConfig config) {
      return new RegistryState(config.segmentRadiusM());
    }
  }

  void onStart(@Observes StartupEvent event) {
    reader.start("dozor-rules-registry");
  }

  void onStop(@Observes ShutdownEvent event) {
    reader.close();
  }

  /** True once every registry record present at start-up was applied. */
  public boolean isCaughtUp() {
    return reader.isCaughtUp();
  }

  public boolean isRunning() {
    return reader.isRunning();
  }

  private CompactedTopicReader reader() {
    return reader;
  }

  private void logPlaces(String what) {
    var g = state.geoIndex();
    LOG.infof(
        "%s: %d vehicles, %d districts, %d zones, %d road segments, %d assignments, %d weather events",
        what,
        state.vehicleCount(),
        g.districtCount(),
        g.zoneCount(),
        g.segmentCount(),
        state.assignments().size(),
        state.weatherEvents().size());
  }

  /** Applies one registry record; other kinds (devices, profiles, contractors…) are not needed. */
  void apply(ConsumerRecord<String, byte[]> record) {
    String key = record.key();
    if (key == null) {
      return;
    }
    String id = RegistryKeys.id(key);
    switch (RegistryKeys.kind(key)) {
      case RegistryKeys.VEHICLE ->
          apply(record, id, VehicleRecord.class, state::vehicle, state::removeVehicle);
      case RegistryKeys.DISTRICT ->
          apply(record, id, DistrictRecord.class, state::district, state::removeDistrict);
      case RegistryKeys.ZONE -> apply(record, id, ZoneRecord.class, state::zone, state::removeZone);
      case RegistryKeys.SEGMENT ->
          apply(record, id, RoadSegmentRecord.class, state::segment, state::removeSegment);
      case RegistryKeys.ASSIGNMENT ->
          apply(record, id, AssignmentRecord.class, state::assignment, state::removeAssignment);
      case RegistryKeys.WEATHER ->
          apply(record, id, WeatherEventRecord.class, state::weather, state::removeWeather);
      default -> {
        // not used by the rules
      }
    }
  }

  private static <T> void apply(
      ConsumerRecord<String, byte[]> record,
      String id,
      Class<T> type,
      Consumer<T> upsert,
      Consumer<String> remove) {
    if (record.value() == null) {
      remove.accept(id);
      return;
    }
    try {
      upsert.accept(JsonSerde.fromBytes(record.value(), type));
    } catch (RuntimeException e) {
      // fail closed: the newest value for this key is unusable, so the older one is stale too
      remove.accept(id);
      LOG.warnf(
          "registry %s: unusable record at %s-%d@%d, entry removed: %s",
          record.key(), record.topic(), record.partition(), record.offset(), e.getMessage());
    }
  }
}
