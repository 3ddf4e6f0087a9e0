package dev.dozor.telemetry.registry;

import dev.dozor.events.DeviceRecord;
import dev.dozor.events.VehicleRecord;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.position.VehicleState;
import dev.dozor.telemetry.position.VehicleStateRepository;
import dev.dozor.telemetry.registry.RegistryDtos.DeviceRequest;
import dev.dozor.telemetry.registry.RegistryDtos.DeviceView;
import dev.dozor.telemetry.registry.RegistryDtos.LastState;
import dev.dozor.telemetry.registry.RegistryDtos.VehicleRequest;
import dev.dozor.telemetry.registry.RegistryDtos.VehicleView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The fleet registry: the database is the source of truth, the compacted registry topic its
 * projection. A change is committed first, then published; the call completes after the broker's
 * acknowledgement. A publication lost between the two is repaired by the start-up re-publication.
 */
@ApplicationScoped
public class RegistryService {
  /** Registry records published concurrently during a re-publication. */
  private static final int REPUBLISH_CONCURRENCY = 64;

  private final VehicleRepository vehicles;
  private final DeviceRepository devices;
  private final VehicleStateRepository states;
  private final RegistryPublisher publisher;

  public RegistryService(
      VehicleRepository vehicles,
      DeviceRepository devices,
      VehicleStateRepository states,
      RegistryPublisher publisher) {
    this.vehicles = vehicles;
    this.devices = devices;
    this.states = states;
    this.publisher = publisher;
  }

  public Uni<List<VehicleView>> listVehicles() {
    return Panache.withSession(() -> vehicles.listAll(Sort.by("id")))
        .chain(
            list ->
                states
                    .find(list.stream().map(v -> v.id).toList())
                    .map(byId -> list.stream().map(v -> view(v, byId)).toList()));
  }

  public Uni<VehicleView> getVehicle(String id) {
    return Panache.withSession(() -> vehicles.findById(id))
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound("vehicle '" + id + "' is not registered"))
        .chain(v -> states.find(List.of(v.id)).map(byId -> view(v, byId)));
  }

  /**
   * Creates or updates a vehicle and publishes it.
   *
   * @return true when the vehicle was created
   */
  public Uni<Boolean> putVehicle(String id, VehicleRequest body) {
    VehicleRecord record = RegistryValidation.vehicle(id, body);
    return Panache.withTransaction(
            () ->
                vehicles
                    .findById(id)
                    .chain(
                        existing -> {
                          Instant now = Instant.now();
                          Vehicle v = existing == null ? new Vehicle() : existing;
                          if (existing == null) {
                            v.id = id;
                            v.createdAt = now;
                          }
                          v.plate = record.plate();
                          v.type = record.type();
                          v.contractor = record.contractor();
                          v.district = record.district();
                          v.updatedAt = now;
                          return vehicles.persist(v).replaceWith(existing == null);
                        }))
        .call(() -> publisher.vehicle(record));
  }

  public Uni<List<DeviceView>> listDevices() {
    return Panache.withSession(() -> devices.listAll(Sort.by("id")))
        .map(
            list -> list.stream().map(d -> new DeviceView(d.id, d.vehicleId, d.protocol)).toList());
  }

  /**
   * Creates or updates a device (its token is replaced) and publishes it.
   *
   * @return true when the device was created
   */
  public Uni<Boolean> putDevice(String id, DeviceRequest body) {
    DeviceRecord record = RegistryValidation.device(id, body);
    return Panache.withTransaction(
            () ->
                vehicles
                    .findById(record.vehicleId())
                    .onItem()
                    .ifNull()
                    .failWith(
                        () ->
                            ApiException.invalid(
                                "vehicleId",
                                "vehicle '" + record.vehicleId() + "' is not registered"))
                    .chain(() -> devices.tokenUsedByOther(record.tokenSha256(), id))
                    .chain(
                        used -> {
                          if (used) {
                            throw ApiException.invalid(
                                "token", "this token is already used by another device");
                          }
                          return devices.findById(id);
                        })
                    .chain(
                        existing -> {
                          Instant now = Instant.now();
                          Device d = existing == null ? new Device() : existing;
                          if (existing == null) {
                            d.id = id;
                            d.createdAt = now;
                          }
                          d.vehicleId = record.vehicleId();
                          d.protocol = record.protocol();
                          d.tokenSha256 = record.tokenSha256();
                          d.updatedAt = now;
                          return devices.persist(d).replaceWith(existing == null);
                        }))
        .call(() -> publisher.device(record));
  }

  /** Deletes a device and publishes its tombstone. */
  public Uni<Void> deleteDevice(String id) {
    return Panache.withTransaction(() -> devices.deleteById(id))
        .chain(
            deleted -> {
              if (!deleted) {
                throw ApiException.notFound("device '" + id + "' is not registered");
              }
              return publisher.deviceDeleted(id);
            });
  }

  /**
   * Publishes every vehicle and device again (repairs the topic after a broker wipe).
   *
   * @return how many records were published
   */
  public Uni<Integer> republishAll() {
    return Panache.withSession(
            () -> vehicles.listAll().chain(vs -> devices.listAll().map(ds -> new Snapshot(vs, ds))))
        .chain(
            snapshot -> {
              Multi<Uni<Void>> sends =
                  Multi.createBy()
                      .concatenating()
                      .streams(
                          Multi.createFrom()
                              .iterable(snapshot.vehicles())
                              .map(v -> publisher.vehicle(toRecord(v))),
                          Multi.createFrom()
                              .iterable(snapshot.devices())
                              .map(d -> publisher.device(toRecord(d))));
              return sends
                  .onItem()
                  .transformToUni(send -> send)
                  .merge(REPUBLISH_CONCURRENCY)
                  .collect()
                  .last()
                  .replaceWith(snapshot.vehicles().size() + snapshot.devices().size());
            });
  }

  static VehicleRecord toRecord(Vehicle v) {
    return VehicleRecord.of(v.id, v.plate, v.type, v.contractor, v.district);
  }

  static DeviceRecord toRecord(Device d) {
    return DeviceRecord.of(d.id, d.vehicleId, d.protocol, d.tokenSha256);
  }

  private static VehicleView view(Vehicle v, Map<String, VehicleState> states) {
    VehicleState s = states.get(v.id);
    LastState last =
        s == null
            ? null
            : new LastState(s.fixTime(), s.lat(), s.lon(), s.speedKmh(), s.equipment());
    return new VehicleView(v.id, v.plate, v.type, v.contractor, v.district, last);
  }

  private record Snapshot(List<Vehicle> vehicles, List<Device> devices) {}
}
