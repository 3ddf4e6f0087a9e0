package dev.dozor.telemetry.registry;

import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.DeviceRecord;
import dev.dozor.events.RegistryKeys;
import dev.dozor.events.VehicleRecord;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
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
