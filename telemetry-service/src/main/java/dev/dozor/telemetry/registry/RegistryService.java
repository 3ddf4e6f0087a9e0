package dev.dozor.telemetry.registry;

import dev.dozor.events.DeviceRecord;
import dev.dozor.events.SchemaVersions;
import dev.dozor.events.VehicleRecord;
import dev.dozor.events.ZoneRecord;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.common.DbErrors;
import dev.dozor.telemetry.contractor.ContractorRepository;
import dev.dozor.telemetry.geo.GeoRepository;
import dev.dozor.telemetry.planning.AssignmentRepository;
import dev.dozor.telemetry.position.VehicleState;
import dev.dozor.telemetry.position.VehicleStateRepository;
import dev.dozor.telemetry.profile.DeviceProfileRepository;
import dev.dozor.telemetry.registry.RegistryDtos.DeviceRequest;
import dev.dozor.telemetry.registry.RegistryDtos.DeviceView;
import dev.dozor.telemetry.registry.RegistryDtos.LastState;
import dev.dozor.telemetry.registry.RegistryDtos.VehicleRequest;
import dev.dozor.telemetry.registry.RegistryDtos.VehicleView;
import dev.dozor.telemetry.weather.WeatherEventRepository;
import dev.dozor.telemetry.zone.ZoneRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The fleet registry (vehicles, devices; profiles, contractors, zones, assignments, weather events
 * in their own packages): the database is the source of truth, the compacted registry topic its
 * projection. A change is committed first, then published; the call completes after the broker's
 * acknowledgement. A publication lost between the two is repaired by the start-up re-publication.
 */
@ApplicationScoped
public class RegistryService {
  private final VehicleRepository vehicles;
  private final DeviceRepository devices;
  private final VehicleStateRepository states;
  private final DeviceProfileRepository profiles;
  private final RegistryPublisher publisher;
  private final ContractorRepository contractors;
  private final ZoneRepository zones;
  private final AssignmentRepository assignments;
  private final WeatherEventRepository weather;
  private final GeoRepository geo;

  public RegistryService(
      VehicleRepository vehicles,
      DeviceRepository devices,
      VehicleStateRepository states,
      DeviceProfileRepository profiles,
      RegistryPublisher publisher,
      ContractorRepository contractors,
      ZoneRepository zones,
      AssignmentRepository assignments,
      WeatherEventRepository weather,
      GeoRepository geo) {
    this.vehicles = vehicles;
    this.devices = devices;
    this.states = states;
    this.profiles = profiles;
    this.publisher = publisher;
    this.contractors = contractors;
    this.zones = zones;
    this.assignments = assignments;
    this.weather = weather;
    this.geo = geo;
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
                requireVehicleReferences(record)
                    .chain(() -> vehicles.findById(id))
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
                          v.contractorId = record.contractorId();
                          v.homeDistrictId = record.homeDistrictId();
                          v.depotZoneId = record.depotZoneId();
                          v.updatedAt = now;
                          return vehicles.persist(v).replaceWith(existing == null);
                        }))
        .onFailure()
        .transform(RegistryService::vehicleConstraintToApiError)
        .call(() -> publisher.vehicle(record));
  }

  /** Contractor, home district and depot must exist; the depot must be a zone of kind depot. */
  private Uni<Void> requireVehicleReferences(VehicleRecord record) {
    Uni<Void> checks = Uni.createFrom().voidItem();
    if (record.contractorId() != null) {
      checks =
          checks.chain(
              () ->
                  requireExists(
                      "telemetry.contractors",
                      record.contractorId(),
                      "contractorId",
                      "contractor '" + record.contractorId() + "' is not registered"));
    }
    if (record.homeDistrictId() != null) {
      checks =
          checks.chain(
              () ->
                  requireExists(
                      "telemetry.districts",
                      record.homeDistrictId(),
                      "homeDistrictId",
                      "district '" + record.homeDistrictId() + "' is not imported"));
    }
    if (record.depotZoneId() != null) {
      checks =
          checks.chain(
              () ->
                  vehicles
                      .zoneKind(record.depotZoneId())
                      .invoke(
                          kind -> {
                            if (kind == null) {
                              throw ApiException.invalid(
                                  "depotZoneId",
                                  "zone '" + record.depotZoneId() + "' does not exist");
                            }
                            if (!ZoneRecord.DEPOT.equals(kind)) {
                              throw ApiException.invalid(
                                  "depotZoneId",
                                  "zone '"
                                      + record.depotZoneId()
                                      + "' is a "
                                      + kind
                                      + ", not a depot");
                            }
                          })
                      .replaceWithVoid());
    }
    return checks;
  }

  private Uni<Void> requireExists(String table, String id, String field, String message) {
    return vehicles
        .exists(table, id)
        .invoke(
            exists -> {
              if (!exists) {
                throw ApiException.invalid(field, message);
              }
            })
        .replaceWithVoid();
  }

  /** A reference deleted between the check and the commit: the foreign key decides. */
  private static Throwable vehicleConstraintToApiError(Throwable failure) {
    if (failure instanceof ApiException) {
      return failure;
    }
    String violated =
        DbErrors.violated(
            failure,
            List.of(
                VehicleRepository.CONTRACTOR_FK,
                VehicleRepository.HOME_DISTRICT_FK,
                VehicleRepository.DEPOT_ZONE_FK));
    if (violated == null) {
      return failure;
    }
    return switch (violated) {
      case VehicleRepository.CONTRACTOR_FK ->
          ApiException.invalid("contractorId", "the contractor no longer exists");
      case VehicleRepository.HOME_DISTRICT_FK ->
          ApiException.invalid("homeDistrictId", "the district no longer exists");
      default -> ApiException.invalid("depotZoneId", "the depot zone no longer exists");
    };
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
   * Publishes the whole registry again (repairs the topic after a broker wipe), in stages, each
   * acknowledged before the next is sent, so a consumer reading along sees what a record names
   * before the record: profiles, contractors, okrugs, districts; zones; road segments; vehicles and
   * devices; assignments and weather events.
   *
   * @return how many records of each kind were published
   */
  public Uni<RepublishCount> republishAll() {
    RepublishCount.Builder count = new RepublishCount.Builder();
    return profiles
        .listAll()
        .invoke(list -> count.profiles = list.size())
        .chain(list -> send(list.stream().map(p -> p.record()).toList()))
        .chain(contractors::allRecords)
        .invoke(list -> count.contractors = list.size())
        .chain(this::send)
        .chain(() -> geo.okrugRecords(null))
        .invoke(list -> count.okrugs = list.size())
        .chain(this::send)
        .chain(() -> geo.districtRecords(null))
        .invoke(list -> count.districts = list.size())
        .chain(this::send)
        .chain(zones::allRecords)
        .invoke(list -> count.zones = list.size())
        .chain(this::send)
        .chain(() -> geo.segmentRecords(null))
        .invoke(list -> count.segments = list.size())
        .chain(this::send)
        .chain(
            () ->
                Panache.withSession(
                    () ->
                        vehicles
                            .listAll()
                            .chain(vs -> devices.listAll().map(ds -> new Snapshot(vs, ds)))))
        .invoke(
            snapshot -> {
              count.vehicles = snapshot.vehicles().size();
              count.devices = snapshot.devices().size();
            })
        .chain(
            snapshot ->
                send(
                    Stream.concat(
                            snapshot.vehicles().stream().map(v -> (Object) toRecord(v)),
                            snapshot.devices().stream().map(d -> (Object) toRecord(d)))
                        .toList()))
        .chain(assignments::allRecords)
        .invoke(list -> count.assignments = list.size())
        .chain(this::send)
        .chain(weather::allRecords)
        .invoke(list -> count.weatherEvents = list.size())
        .chain(this::send)
        .map(ignored -> count.build());
  }

  /** Sends the records at once (no wait for the re-publication: this is it), bounded in flight. */
  private Uni<Void> send(List<?> records) {
    return RegistryPublisher.sendAll(records.stream().map(r -> publisher.republished(r)).toList());
  }

  /** What a re-publication sent. */
  public record RepublishCount(
      int profiles,
      int contractors,
      int okrugs,
      int districts,
      int zones,
      int segments,
      int vehicles,
      int devices,
      int assignments,
      int weatherEvents) {

    /** Filled stage by stage during the re-publication. */
    static final class Builder {
      int profiles;
      int contractors;
      int okrugs;
      int districts;
      int zones;
      int segments;
      int vehicles;
      int devices;
      int assignments;
      int weatherEvents;

      RepublishCount build() {
        return new RepublishCount(
            profiles,
            contractors,
            okrugs,
            districts,
            zones,
            segments,
            vehicles,
            devices,
            assignments,
            weatherEvents);
      }
    }
  }

  /** The answer of an upsert: the stored value and whether it was created. */
  public record PutResult<T>(T value, boolean created) {
    /** 201 with the value when created, else 200. */
    public Response response() {
      return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
          .entity(value)
          .build();
    }
  }

  static VehicleRecord toRecord(Vehicle v) {
    return new VehicleRecord(
        SchemaVersions.VEHICLE,
        v.id,
        v.plate,
        v.type,
        v.contractor,
        v.district,
        v.contractorId,
        v.homeDistrictId,
        v.depotZoneId);
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
    return new VehicleView(
        v.id,
        v.plate,
        v.type,
        v.contractor,
        v.district,
        v.contractorId,
        v.homeDistrictId,
        v.depotZoneId,
        last);
  }

  private record Snapshot(List<Vehicle> vehicles, List<Device> devices) {}
}
