package dev.dozor.telemetry.geo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dozor.telemetry.TelemetryConfig;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.registry.RegistryPublisher;
import dev.dozor.telemetry.zone.ZoneRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;

/**
 * Imports okrugs, districts, roads and zones from GeoJSON. The whole file is validated first; then
 * it is written in one transaction, chunk by chunk, as idempotent upserts, and what was written is
 * published to the registry topic once committed.
 */
@ApplicationScoped
public class GeoImportService {
  private static final Logger LOG = Logger.getLogger(GeoImportService.class);

  private final GeoRepository repository;
  private final ZoneRepository zones;
  private final RegistryPublisher publisher;
  private final TelemetryConfig config;
  private final ObjectMapper mapper;

  public GeoImportService(
      GeoRepository repository,
      ZoneRepository zones,
      RegistryPublisher publisher,
      TelemetryConfig config,
      ObjectMapper mapper) {
    this.repository = repository;
    this.zones = zones;
    this.publisher = publisher;
    this.config = config;
    this.mapper = mapper;
  }

  /** Imports okrugs (id = OKATO). */
  public Uni<GeoDtos.ImportResult> importOkrugs(String body) {
    long t0 = System.nanoTime();
    List<GeoInputs.Okrug> okrugs = GeoJsonReader.okrugs(parse(body));
    List<String> ids = okrugs.stream().map(GeoInputs.Okrug::id).toList();
    return inChunks(okrugs, repository::upsertOkrugs)
        .map(counts -> sum(counts))
        .call(() -> repository.okrugRecords(ids).chain(publisher::okrugs))
        .map(n -> logged(t0, new GeoDtos.ImportResult("okrugs", okrugs.size(), n, null, null)));
  }

  /** Imports districts (id = OKTMO). */
  public Uni<GeoDtos.ImportResult> importDistricts(String body) {
    long t0 = System.nanoTime();
    List<GeoInputs.District> districts = GeoJsonReader.districts(parse(body));
    List<String> ids = districts.stream().map(GeoInputs.District::id).toList();
    return inChunks(districts, repository::upsertDistricts)
        .map(counts -> sum(counts))
        .call(() -> repository.districtRecords(ids).chain(publisher::districts))
        .map(
            n ->
                logged(t0, new GeoDtos.ImportResult("districts", districts.size(), n, null, null)));
  }

  /** Imports road ways, replacing their old segments; districts should be imported first. */
  public Uni<GeoDtos.ImportResult> importRoads(String body) {
    long t0 = System.nanoTime();
    List<GeoInputs.Road> roads = GeoJsonReader.roads(parse(body));
    double max = config.geo().maxSegmentLength();
    List<String> wayIds = roads.stream().map(GeoInputs.Road::wayId).toList();
    return inChunks(roads, (conn, chunk) -> repository.replaceRoads(conn, chunk, max))
        .call(
            counts ->
                repository
                    .segmentRecords(wayIds)
                    .chain(
                        segments ->
                            publisher.segments(
                                segments,
                                counts.stream().flatMap(c -> c.removedIds().stream()).toList())))
        .map(
            counts -> {
              long segments = 0;
              long without = 0;
              for (GeoRepository.SegmentCounts c : counts) {
                segments += c.segments();
                without += c.withoutDistrict();
              }
              return logged(
                  t0,
                  new GeoDtos.ImportResult("roads", roads.size(), roads.size(), segments, without));
            });
  }

  /**
   * Imports zones (properties id, name, kind, optional district); refuses the whole file when one
   * geometry is invalid (e.g. self-intersecting), naming the feature.
   */
  public Uni<GeoDtos.ImportResult> importZones(String body) {
    long t0 = System.nanoTime();
    List<GeoInputs.Zone> parsed = GeoJsonReader.zones(parse(body));
    return zones
        .upsert(parsed, ZoneRepository.Fields.IMPORT)
        .call(stored -> publisher.zones(stored.stream().map(z -> z.record()).toList()))
        .map(
            stored ->
                logged(
                    t0,
                    new GeoDtos.ImportResult(
                        "zones",
                        parsed.size(),
                        stored.size(),
                        null,
                        null,
                        stored.stream().filter(z -> z.created()).count())));
  }

  private JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      throw ApiException.invalid(null, "body is empty; expected a GeoJSON FeatureCollection");
    }
    try {
      return mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.invalid(
          null, "body is not valid JSON (line " + e.getLocation().getLineNr() + ")");
    }
  }

  /** Writes the items in chunks of {@code chunk-size}, sequentially, in one transaction. */
  private <T, R> Uni<List<R>> inChunks(
      List<T> items, BiFunction<SqlConnection, List<T>, Uni<R>> write) {
    int size = Math.max(1, config.geo().chunkSize());
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < items.size(); from += size) {
      chunks.add(items.subList(from, Math.min(items.size(), from + size)));
    }
    return repository
        .pool()
        .withTransaction(
            conn ->
                Multi.createFrom()
                    .iterable(chunks)
                    .onItem()
                    .transformToUniAndConcatenate(chunk -> write.apply(conn, chunk))
                    .collect()
                    .asList());
  }

  private static int sum(List<Integer> counts) {
    return counts.stream().mapToInt(Integer::intValue).sum();
  }

  private static GeoDtos.ImportResult logged(long t0, GeoDtos.ImportResult r) {
    long ms = (System.nanoTime() - t0) / 1_000_000;
    if (r.segments() == null) {
      LOG.infof(
          "geo import %s: %d features, %d upserted in %d ms",
          r.kind(), r.features(), r.imported(), ms);
    } else {
      LOG.infof(
          "geo import %s: %d ways, %d segments (%d without district) in %d ms",
          r.kind(), r.imported(), r.segments(), r.withoutDistrict(), ms);
    }
    return r;
  }
}
