package dev.dozor.telemetry.registry;

import dev.dozor.events.DeviceRecord;
import dev.dozor.events.VehicleRecord;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.common.DbErrors;
import dev.dozor.telemetry.position.VehicleState;
import dev.dozor.telemetry.position.VehicleStateRepository;
import dev.dozor.telemetry.profile.DeviceProfileRepository;
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
import java.util.stream.Stream;

/**
 * The fleet registry (vehicles, devices; profiles: {@code DeviceProfileService}): the database is
 * the source of truth, the compacted registry topic its projection. A change is committed first,
 * then published; the call completes after the broker's acknowledgement. A publication lost between
 * the two is repaired by the start-up re-publication.
 */
@ApplicationScoped
public class RegistryService {
  /** Registry records published concurrently during a re-publication. */
  private static final int REPUBLISH_CONCURRENCY = 64;

  private final VehicleRepository vehicles;
  private final DeviceRepository devices;
  private final VehicleStateRepository states;
  private final DeviceProfileRepository profiles;
  private final RegistryPublisher publisher;

  public RegistryService(
      VehicleRepository vehicles,
      DeviceRepository devices,
      VehicleStateRepository states,
      DeviceProfileRepository profiles,
      RegistryPublisher publisher) {
    this.vehicles = vehicles;
    this.devices = devices;
    this.states = states;
    this.profiles = profiles;
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
        .map(list -> list.stream().map(RegistryService::view).toList());
  }

  public Uni<DeviceView> getDevice(String id) {
    return Panache.withSession(() -> devices.findById(id))
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound("device '" + id + "' is not registered"))
        .map(RegistryService::view);
  }

  /**
   * Creates or updates a device (its token or password is replaced) and publishes it.
   *
   * @return the device as stored, and whether it was created
   */
  public Uni<PutResult<DeviceView>> putDevice(String id, DeviceRequest body) {
    DeviceRecord record = DeviceValidation.device(id, body);
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
                    .chain(() -> requireProfile(record.profileId()))
                    .chain(() -> requireFreeTerminal(record))
                    .chain(() -> requireFreeToken(record))
                    .chain(() -> devices.findById(id))
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
                          d.terminalId = record.terminalId();
                          d.profileId = record.profileId();
                          d.updatedAt = now;
                          return devices
                              .persist(d)
                              .replaceWith(new PutResult<>(view(d), existing == null));
                        }))
        .onFailure()
        .transform(failure -> constraintToApiError(failure, record))
        .call(() -> publisher.device(record));
  }

  private Uni<Void> requireProfile(String profileId) {
    if (profileId == null) {
      return Uni.createFrom().voidItem();
    }
    return devices
        .profileExists(profileId)
        .invoke(
            exists -> {
              if (!exists) {
                throw ApiException.invalid(
                    "profileId", "device profile '" + profileId + "' does not exist");
              }
            })
        .replaceWithVoid();
  }

  private Uni<Void> requireFreeTerminal(DeviceRecord record) {
    if (record.terminalId() == null) {
      return Uni.createFrom().voidItem();
    }
    return devices
        .terminalOwner(record.protocol(), record.terminalId(), record.id())
        .invoke(
            owner -> {
              if (owner != null) {
                throw terminalTaken(record, "device '" + owner.id + "'");
              }
            })
        .replaceWithVoid();
  }

  private Uni<Void> requireFreeToken(DeviceRecord record) {
    if (!DeviceRecord.HTTP_JSON.equals(record.protocol())) {
      return Uni.createFrom().voidItem();
    }
    return devices
        .tokenUsedByOther(record.tokenSha256(), record.id())
        .invoke(
            used -> {
              if (used) {
                throw ApiException.invalid("token", "this token is already used by another device");
              }
            })
        .replaceWithVoid();
  }

  private static ApiException terminalTaken(DeviceRecord record, String owner) {
    return ApiException.conflict(
        "terminalId",
        record.protocol()
            + " terminalId '"
            + record.terminalId()
            + "' is already used by "
            + owner);
  }

  /** A concurrent request that passed the same checks first: the database constraint decides. */
  private static Throwable constraintToApiError(Throwable failure, DeviceRecord record) {
    if (failure instanceof ApiException) {
      return failure;
    }
    String violated =
        DbErrors.violated(
            failure,
            List.of(
                DeviceRepository.TERMINAL_UNIQUE,
                DeviceRepository.HTTP_TOKEN_UNIQUE,
                DeviceRepository.PROFILE_FK));
    if (violated == null) {
      return failure;
    }
    return switch (violated) {
      case DeviceRepository.TERMINAL_UNIQUE -> terminalTaken(record, "another device");
      case DeviceRepository.HTTP_TOKEN_UNIQUE ->
          ApiException.invalid("token", "this token is already used by another device");
      default ->
          ApiException.invalid(
              "profileId", "device profile '" + record.profileId() + "' does not exist");
    };
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
   * Publishes every profile, vehicle and device again (repairs the topic after a broker wipe). The
   * profiles are acknowledged before any device is sent, so a consumer reading along sees a profile
   * before the devices that name it.
   *
   * @return how many records of each kind were published
   */
  public Uni<RepublishCount> republishAll() {
    return profiles
        .listAll()
        .chain(
            list ->
                sendAll(list.stream().map(p -> publisher.republishedProfile(p.record())).toList())
                    .replaceWith(list.size()))
        .chain(
            profileCount ->
                Panache.withSession(
                        () ->
                            vehicles
                                .listAll()
                                .chain(vs -> devices.listAll().map(ds -> new Snapshot(vs, ds))))
                    .chain(
                        snapshot ->
                            sendAll(
                                    Stream.concat(
                                            snapshot.vehicles().stream()
                                                .map(
                                                    v -> publisher.republishedVehicle(toRecord(v))),
                                            snapshot.devices().stream()
                                                .map(d -> publisher.republishedDevice(toRecord(d))))
                                        .toList())
                                .replaceWith(
                                    new RepublishCount(
                                        profileCount,
                                        snapshot.vehicles().size(),
                                        snapshot.devices().size()))));
  }

  /** Subscribes to the (lazy) sends, a bounded number at a time, in order. */
  private static Uni<Void> sendAll(List<Uni<Void>> sends) {
    return Multi.createFrom()
        .iterable(sends)
        .onItem()
        .transformToUni(send -> send)
        .merge(REPUBLISH_CONCURRENCY)
        .collect()
        .last()
        .replaceWithVoid();
  }

  /** What a re-publication sent. */
  public record RepublishCount(int profiles, int vehicles, int devices) {}

  /** The answer of an upsert: the stored value and whether it was created. */
  public record PutResult<T>(T value, boolean created) {}

  static VehicleRecord toRecord(Vehicle v) {
    return VehicleRecord.of(v.id, v.plate, v.type, v.contractor, v.district);
  }

  static DeviceRecord toRecord(Device d) {
    return DeviceRecord.of(d.id, d.vehicleId, d.protocol, d.tokenSha256, d.terminalId, d.profileId);
  }

  private static DeviceView view(Device d) {
    return new DeviceView(d.id, d.vehicleId, d.protocol, d.terminalId, d.profileId);
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
