package dev.dozor.telemetry.geo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dozor.telemetry.common.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Reads districts and road segments back, as lists and GeoJSON. */
@ApplicationScoped
public class GeoQueryService {
  private final GeoRepository repository;
  private final ObjectMapper mapper;

  public GeoQueryService(GeoRepository repository, ObjectMapper mapper) {
    this.repository = repository;
    this.mapper = mapper;
  }

  public Uni<List<GeoDtos.District>> districts() {
    return repository.districts();
  }

  /** One district as a GeoJSON Feature; 404 if unknown. */
  public Uni<GeoDtos.Feature> district(String id) {
    return repository
        .district(id)
        .map(
            d -> {
              if (d == null) {
                throw ApiException.notFound("district '" + id + "' is not imported");
              }
              return GeoDtos.Feature.of(id, d.district(), json(d.geometry()));
            });
  }

  /**
   * Segments of one district (all when {@code districtId} is null); 404 for an unknown district.
   */
  public Uni<GeoDtos.FeatureCollection> segments(String districtId) {
    Uni<Void> check =
        districtId == null
            ? Uni.createFrom().voidItem()
            : repository
                .district(districtId)
                .invoke(
                    d -> {
                      if (d == null) {
                        throw ApiException.notFound(
                            "district '" + districtId + "' is not imported");
                      }
                    })
                .replaceWithVoid();
    return check
        .chain(() -> repository.segments(districtId))
        .map(
            rows -> {
              List<GeoDtos.Feature> features = new ArrayList<>(rows.size());
              for (GeoRepository.SegmentRow r : rows) {
                features.add(
                    GeoDtos.Feature.of(r.properties().id(), r.properties(), json(r.geometry())));
              }
              return GeoDtos.FeatureCollection.of(features);
            });
  }

  private JsonNode json(String geometry) {
    try {
      return mapper.readTree(geometry);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("PostGIS returned invalid GeoJSON", e);
    }
  }
}
