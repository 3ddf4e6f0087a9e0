package dev.dozor.telemetry.profile;

import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.common.DbErrors;
import dev.dozor.telemetry.profile.DeviceProfileDtos.ProfileRequest;
import dev.dozor.telemetry.profile.DeviceProfileDtos.ProfileView;
import dev.dozor.telemetry.profile.DeviceProfileRepository.StoredProfile;
import dev.dozor.telemetry.registry.DeviceRepository;
import dev.dozor.telemetry.registry.RegistryPublisher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Device profiles, with the same guarantees as the rest of the registry: a change is committed,
 * then published to the compacted registry topic ({@code profile:<id>}); the call completes after
 * the broker's acknowledgement. A publication lost between the two is repaired by the start-up
 * re-publication.
 */
@ApplicationScoped
public class DeviceProfileService {
  private final DeviceProfileRepository profiles;
  private final RegistryPublisher publisher;

  public DeviceProfileService(DeviceProfileRepository profiles, RegistryPublisher publisher) {
    this.profiles = profiles;
    this.publisher = publisher;
  }

  public Uni<List<ProfileView>> list() {
    return profiles.listAll().map(list -> list.stream().map(DeviceProfileService::view).toList());
  }

  public Uni<ProfileView> get(String id) {
    return profiles
        .find(id)
        .onItem()
        .ifNull()
        .failWith(() -> notFound(id))
        .map(DeviceProfileService::view);
  }

  /**
   * Creates or replaces a profile and publishes it.
   *
   * @return true when the profile was created
   */
  public Uni<Boolean> put(String id, ProfileRequest body) {
    DeviceProfileRecord record = DeviceProfileValidation.profile(id, body);
    return profiles.upsert(record).call(() -> publisher.profile(record));
  }

  /** Deletes a profile no device names, and publishes its tombstone; 409 while one does. */
  public Uni<Void> delete(String id) {
    return profiles
        .deleteUnused(id)
        .onFailure(
            failure -> DbErrors.violated(failure, List.of(DeviceRepository.PROFILE_FK)) != null)
        .transform(failure -> inUse(id, "a device registered meanwhile", 1))
        .chain(
            outcome -> {
              if (outcome.usedBy() != null) {
                throw inUse(id, "device '" + outcome.usedBy() + "'", outcome.users());
              }
              if (!outcome.deleted()) {
                throw notFound(id);
              }
              return publisher.profileDeleted(id);
            });
  }

  private static ApiException inUse(String id, String device, long users) {
    String more = users > 1 ? " and " + (users - 1) + " more" : "";
    return ApiException.conflict(
        null,
        "device profile '"
            + id
            + "' is used by "
            + device
            + more
            + "; move those devices to another profile first");
  }

  private static ApiException notFound(String id) {
    return ApiException.notFound("device profile '" + id + "' does not exist");
  }

  private static ProfileView view(StoredProfile p) {
    return new ProfileView(
        p.record().id(), p.record().name(), p.record().mappings(), p.updatedAt());
  }
}
