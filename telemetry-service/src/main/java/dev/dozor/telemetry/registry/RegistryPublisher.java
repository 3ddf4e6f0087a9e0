package dev.dozor.telemetry.registry;

import dev.dozor.events.AssignmentRecord;
import dev.dozor.events.ContractorRecord;
import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.DeviceRecord;
import dev.dozor.events.DistrictRecord;
import dev.dozor.events.OkrugRecord;
import dev.dozor.events.RegistryKeys;
import dev.dozor.events.RoadSegmentRecord;
import dev.dozor.events.VehicleRecord;
import dev.dozor.events.WeatherEventRecord;
import dev.dozor.events.ZoneRecord;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes the registry to the compacted {@code dozor.registry.v1}; every Uni completes when the
 * broker has acknowledged the record ({@code acks=all}).
 *
 * <p>Changes wait until the start-up re-publication has finished. The re-publication sends a
 * snapshot read at its start; a change published meanwhile could be overtaken by the snapshot's
 * older value of the same key, and the topic (and so the gateway) would keep the stale device.
 */
@ApplicationScoped
public class RegistryPublisher {
  /** Records in flight at once when many are published together (imports, re-publication). */
  static final int CONCURRENCY = 64;

  private final MutinyEmitter<Record<String, Object>> emitter;
  private final CompletableFuture<Void> republished = new CompletableFuture<>();

  public RegistryPublisher(@Channel("registry-out") MutinyEmitter<Record<String, Object>> emitter) {
    this.emitter = emitter;
  }

  /** Called once the start-up re-publication finished, failed, or is disabled. */
  public void markRepublished() {
    republished.complete(null);
  }

  public boolean isRepublished() {
    return republished.isDone();
  }

  public Uni<Void> vehicle(VehicleRecord vehicle) {
    return afterRepublication(republishedVehicle(vehicle));
  }

  public Uni<Void> device(DeviceRecord device) {
    return afterRepublication(republishedDevice(device));
  }

  /** A tombstone: compaction removes the device from the topic. */
  public Uni<Void> deviceDeleted(String deviceId) {
    return afterRepublication(emitter.send(Record.of(RegistryKeys.device(deviceId), null)));
  }

  public Uni<Void> profile(DeviceProfileRecord profile) {
    return afterRepublication(republishedProfile(profile));
  }

  /** A tombstone: compaction removes the profile from the topic. */
  public Uni<Void> profileDeleted(String profileId) {
    return afterRepublication(emitter.send(Record.of(RegistryKeys.profile(profileId), null)));
  }

  public Uni<Void> contractor(ContractorRecord contractor) {
    return afterRepublication(send(RegistryKeys.contractor(contractor.id()), contractor));
  }

  /** A tombstone: compaction removes the contractor from the topic. */
  public Uni<Void> contractorDeleted(String id) {
    return afterRepublication(send(RegistryKeys.contractor(id), null));
  }

  public Uni<Void> zone(ZoneRecord zone) {
    return afterRepublication(send(RegistryKeys.zone(zone.id()), zone));
  }

  /** Zones of one import, all acknowledged when the Uni completes. */
  public Uni<Void> zones(List<ZoneRecord> zones) {
    return afterRepublication(
        sendAll(zones.stream().map(z -> send(RegistryKeys.zone(z.id()), z)).toList()));
  }

  /** A tombstone: compaction removes the zone from the topic. */
  public Uni<Void> zoneDeleted(String id) {
    return afterRepublication(send(RegistryKeys.zone(id), null));
  }

  public Uni<Void> assignment(AssignmentRecord assignment) {
    return afterRepublication(send(RegistryKeys.assignment(assignment.id()), assignment));
  }

  /** A tombstone: compaction removes the assignment from the topic. */
  public Uni<Void> assignmentDeleted(String id) {
    return afterRepublication(send(RegistryKeys.assignment(id), null));
  }

  public Uni<Void> weatherEvent(WeatherEventRecord event) {
    return afterRepublication(send(RegistryKeys.weather(event.id()), event));
  }

  /** A tombstone: compaction removes the weather event from the topic. */
  public Uni<Void> weatherEventDeleted(String id) {
    return afterRepublication(send(RegistryKeys.weather(id), null));
  }

  /** Okrugs of one import. */
  public Uni<Void> okrugs(List<OkrugRecord> okrugs) {
    return afterRepublication(
        sendAll(okrugs.stream().map(o -> send(RegistryKeys.okrug(o.id()), o)).toList()));
  }

  /** Districts of one import. */
  public Uni<Void> districts(List<DistrictRecord> districts) {
    return afterRepublication(
        sendAll(districts.stream().map(d -> send(RegistryKeys.district(d.id()), d)).toList()));
  }

  /**
   * Road segments of one import, and tombstones for the segments it removed (a way that got shorter
   * has fewer segments).
   */
  public Uni<Void> segments(List<RoadSegmentRecord> segments, List<String> removedIds) {
    List<Uni<Void>> sends = new java.util.ArrayList<>();
    removedIds.forEach(id -> sends.add(send(RegistryKeys.segment(id), null)));
    segments.forEach(s -> sends.add(send(RegistryKeys.segment(s.id()), s)));
    return afterRepublication(sendAll(sends));
  }

  /**
   * For the re-publication: sends any registry record at once, keyed by its kind ({@link #keyOf}).
   */
  Uni<Void> republished(Object record) {
    return send(keyOf(record), record);
  }

  /** The registry key of a record. */
  static String keyOf(Object record) {
    if (record instanceof VehicleRecord v) {
      return RegistryKeys.vehicle(v.id());
    } else if (record instanceof DeviceRecord d) {
      return RegistryKeys.device(d.id());
    } else if (record instanceof DeviceProfileRecord p) {
      return RegistryKeys.profile(p.id());
    } else if (record instanceof ContractorRecord c) {
      return RegistryKeys.contractor(c.id());
    } else if (record instanceof OkrugRecord o) {
      return RegistryKeys.okrug(o.id());
    } else if (record instanceof DistrictRecord d) {
      return RegistryKeys.district(d.id());
    } else if (record instanceof ZoneRecord z) {
      return RegistryKeys.zone(z.id());
    } else if (record instanceof RoadSegmentRecord s) {
      return RegistryKeys.segment(s.id());
    } else if (record instanceof AssignmentRecord a) {
      return RegistryKeys.assignment(a.id());
    } else if (record instanceof WeatherEventRecord w) {
      return RegistryKeys.weather(w.id());
    }
    throw new IllegalArgumentException("not a registry record: " + record.getClass());
  }

  /** Subscribes to the (lazy) sends, {@link #CONCURRENCY} at a time; completes after the last. */
  static Uni<Void> sendAll(List<Uni<Void>> sends) {
    if (sends.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Multi.createFrom()
        .iterable(sends)
        .onItem()
        .transformToUni(send -> send)
        .merge(CONCURRENCY)
        .collect()
        .last()
        .replaceWithVoid();
  }

  private Uni<Void> send(String key, Object value) {
    return emitter.send(Record.of(key, value));
  }

  /** For the re-publication itself: sends at once. */
  Uni<Void> republishedVehicle(VehicleRecord vehicle) {
    return emitter.send(Record.of(RegistryKeys.vehicle(vehicle.id()), vehicle));
  }

  Uni<Void> republishedDevice(DeviceRecord device) {
    return emitter.send(Record.of(RegistryKeys.device(device.id()), device));
  }

  Uni<Void> republishedProfile(DeviceProfileRecord profile) {
    return emitter.send(Record.of(RegistryKeys.profile(profile.id()), profile));
  }

  private Uni<Void> afterRepublication(Uni<Void> send) {
    if (republished.isDone()) {
      return send;
    }
    return Uni.createFrom().completionStage(republished).chain(() -> send);
  }
}
