package dev.dozor.telemetry.zone;

import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.geo.GeoDtos;
import dev.dozor.telemetry.geo.GeoInputs;
import dev.dozor.telemetry.registry.RegistryPublisher;
import dev.dozor.telemetry.registry.RegistryService.PutResult;
import dev.dozor.telemetry.registry.RegistryValidation;
import dev.dozor.telemetry.zone.ZoneDtos.ZoneRequest;
import dev.dozor.telemetry.zone.ZoneRepository.StoredZone;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Zones (work zones, no-machinery zones, depots, ...): committed, then published ({@code
 * zone:<id>}, geometry as stored); the call completes after the broker's acknowledgement.
 */
@ApplicationScoped
public class ZoneService {
  private final ZoneRepository zones;
  private final RegistryPublisher publisher;

  public ZoneService(ZoneRepository zones, RegistryPublisher publisher) {
    this.zones = zones;
    this.publisher = publisher;
  }

  /** Zones as a FeatureCollection, optionally of one kind and/or district. */
  public Uni<GeoDtos.FeatureCollection> list(String kind, String districtId) {
    if (kind != null) {
      ZoneValidation.kind("kind", kind);
    }
    RegistryValidation.optionalId("district", districtId);
    return zones
        .list(kind, districtId)
        .map(
            list -> GeoDtos.FeatureCollection.of(list.stream().map(ZoneService::feature).toList()));
  }

  public Uni<GeoDtos.Feature> get(String id) {
    return zones
        .find(id)
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound("zone '" + id + "' does not exist"))
        .map(ZoneService::feature);
  }

  /** Creates or replaces a zone and publishes it. */
  public Uni<PutResult<GeoDtos.Feature>> put(String id, ZoneRequest body) {
    GeoInputs.Zone zone = ZoneValidation.zone(id, body);
    return zones
        .upsert(List.of(zone), ZoneRepository.Fields.REQUEST)
        .map(stored -> stored.get(0))
        .call(stored -> publisher.zone(stored.record()))
        .map(stored -> new PutResult<>(feature(stored), stored.created()));
  }

  /** Deletes a zone nothing names and publishes its tombstone; 409 while something does. */
  public Uni<Void> delete(String id) {
    return zones.delete(id).call(() -> publisher.zoneDeleted(id));
  }

  static GeoDtos.Feature feature(StoredZone zone) {
    return GeoDtos.Feature.of(zone.record().id(), zone.properties(), zone.record().geometry());
  }
}
