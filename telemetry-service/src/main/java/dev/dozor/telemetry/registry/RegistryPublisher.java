package dev.dozor.telemetry.registry;

import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.DeviceRecord;
import dev.dozor.events.RegistryKeys;
import dev.dozor.events.VehicleRecord;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes the registry to the compacted {@code dozor.registry.v1}; every Uni completes when the
 * broker has acknowledged the record ({@code acks=all}).
 */
@ApplicationScoped
public class RegistryPublisher {
  private final MutinyEmitter<Record<String, Object>> emitter;

  public RegistryPublisher(@Channel("registry-out") MutinyEmitter<Record<String, Object>> emitter) {
    this.emitter = emitter;
  }

  public Uni<Void> vehicle(VehicleRecord vehicle) {
    return emitter.send(Record.of(RegistryKeys.vehicle(vehicle.id()), vehicle));
  }

  public Uni<Void> device(DeviceRecord device) {
    return emitter.send(Record.of(RegistryKeys.device(device.id()), device));
  }

  /** A tombstone: compaction removes the device from the topic. */
  public Uni<Void> deviceDeleted(String deviceId) {
    return emitter.send(Record.of(RegistryKeys.device(deviceId), null));
  }

  public Uni<Void> profile(DeviceProfileRecord profile) {
    return emitter.send(Record.of(RegistryKeys.profile(profile.id()), profile));
  }

  /** A tombstone: compaction removes the profile from the topic. */
  public Uni<Void> profileDeleted(String profileId) {
    return emitter.send(Record.of(RegistryKeys.profile(profileId), null));
  }
}
