package dev.dozor.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dozor.events.AssignmentRecord;
import dev.dozor.events.DistrictRecord;
import dev.dozor.events.Equipment;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.RoadSegmentRecord;
import dev.dozor.events.SchemaVersions;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.VehicleRecord;
import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import dev.dozor.events.WeatherEventRecord;
import dev.dozor.events.ZoneRecord;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.rules.regulation.RegulationCatalogue;
import dev.dozor.rules.sites.SiteMonitor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every {@code scenarios/<name>/} folder: {@code input.json} through a fresh engine must give
 * exactly {@code expected.json} (the episode changes of the regulations the scenario is about, in
 * order). Regulation experts add folders; no Java needed. The format is described in {@code
 * scenarios/README.md}.
 */
class ScenarioTest {

  /** One fix as an expert writes it; everything but vehicle, time and speed may be left out. */
  record ScenarioPoint(
      String vehicleId,
      Instant fixTime,
      Instant receivedAt,
      double speedKmh,
      Double lat,
      Double lon,
      Double odometerKm,
      Boolean plough,
      Boolean brush,
      Boolean spreader,
      Double spreadRateGm2,
      Boolean bodyTip,
      Boolean ignition) {
    TelemetryPoint toPoint() {
      return new TelemetryPoint(
          SchemaVersions.TELEMETRY_POINT,
          vehicleId,
          "scenario-device",
          fixTime,
          receivedAt == null ? fixTime : receivedAt,
          lat == null ? 55.75 : lat,
          lon == null ? 37.62 : lon,
          speedKmh,
          null,
          odometerKm,
          new Equipment(plough, brush, spreader, spreadRateGm2, bodyTip, ignition, null),
          Map.of());
    }
  }

  /** The registry of a scenario: records as on {@code dozor.registry.v1}. */
  record ScenarioRegistry(
      List<VehicleRecord> vehicles,
      List<DistrictRecord> districts,
      List<ZoneRecord> zones,
      List<RoadSegmentRecord> segments,
      List<AssignmentRecord> assignments,
      List<WeatherEventRecord> weather) {
    RegistryState toState() {
      RegistryState state = new RegistryState();
      orEmpty(vehicles).forEach(state::vehicle);
      orEmpty(districts).forEach(state::district);
      orEmpty(zones).forEach(state::zone);
      orEmpty(segments).forEach(state::segment);
      orEmpty(assignments).forEach(state::assignment);
      orEmpty(weather).forEach(state::weather);
      state.publishPlaces();
      return state;
    }
  }

  /** An input file: a list of fixes, or an object with a registry and fixes or batches. */
  record ScenarioInput(
      ScenarioRegistry registry, List<ScenarioPoint> points, List<List<ScenarioPoint>> batches) {
    List<List<TelemetryPoint>> deliveries() {
      List<List<TelemetryPoint>> result = new ArrayList<>();
      if (points != null) {
        result.add(points.stream().map(ScenarioPoint::toPoint).toList());
      }
      orEmpty(batches).forEach(b -> result.add(b.stream().map(ScenarioPoint::toPoint).toList()));
      return result;
    }
  }

  /** One expected episode change; vehicleId is compared only when the file gives it. */
  record ExpectedEvent(
      String regulationId,
      String vehicleId,
      ViolationStatus status,
      Instant startedAt,
      Instant endedAt) {
    static ExpectedEvent of(ViolationEvent e, boolean withVehicle) {
      return new ExpectedEvent(
          e.regulationId(),
          withVehicle ? e.vehicleId() : null,
          e.status(),
          e.startedAt(),
          e.endedAt());
    }
  }

  static Stream<Path> scenarios() throws IOException, URISyntaxException {
    Path root = Path.of(ScenarioTest.class.getResource("/scenarios").toURI());
    List<Path> folders;
    try (Stream<Path> children = Files.list(root)) {
      folders = children.filter(Files::isDirectory).sorted().toList();
    }
    assertFalse(folders.isEmpty(), "no scenario folders under " + root);
    return folders.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void producesTheExpectedEpisodes(Path folder) throws IOException {
    ObjectMapper mapper = JsonSerde.mapper();
    JsonNode inputJson = mapper.readTree(folder.resolve("input.json").toFile());
    ScenarioInput input =
        inputJson.isArray()
            ? new ScenarioInput(
                null, mapper.convertValue(inputJson, new TypeReference<>() {}), null)
            : mapper.convertValue(inputJson, ScenarioInput.class);
    List<ExpectedEvent> expected =
        mapper.readValue(folder.resolve("expected.json").toFile(), new TypeReference<>() {});
    boolean withVehicle = expected.stream().anyMatch(e -> e.vehicleId() != null);
    RegistryState registry =
        input.registry() == null ? new RegistryState() : input.registry().toState();

    try (RuleEngine engine =
        new RuleEngine(
            RegulationCatalogue.fromClasspath(),
            EngineSettings.defaults(),
            Clock.systemUTC(),
            registry)) {
      Set<String> about = regulationsOf(folder, expected);
      List<ExpectedEvent> actual = new ArrayList<>();
      // TIM-003's site half: the visits go to a site monitor, polled after each delivery
      SiteMonitor sites =
          about.contains(SiteMonitor.REGULATION_ID) ? SiteMonitor.ownAll(engine) : null;
      for (List<TelemetryPoint> delivery : input.deliveries()) {
        EngineOutput out = engine.processBatch(delivery);
        List<ViolationEvent> events = new ArrayList<>(out.violations());
        if (sites != null) {
          out.visits().forEach(sites::visit);
          events.addAll(sites.poll(engine.watermarkMs()).violations());
        }
        events.stream()
            .filter(e -> about.contains(e.regulationId()))
            .forEach(e -> actual.add(ExpectedEvent.of(e, withVehicle)));
      }
      if (sites != null) {
        sites.close();
      }
      assertEquals(expected, actual, folder.getFileName().toString());
    }
  }

  /**
   * The same scenario, with the engine's state handed over to a second engine through a checkpoint
   * (bytes) half-way: a restarted or rebalanced instance must give the same episodes.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void givesTheSameEpisodesWhenItsStateMovesToAnotherEngineHalfWay(Path folder) throws IOException {
    ObjectMapper mapper = JsonSerde.mapper();
    JsonNode inputJson = mapper.readTree(folder.resolve("input.json").toFile());
    ScenarioInput input =
        inputJson.isArray()
            ? new ScenarioInput(
                null, mapper.convertValue(inputJson, new TypeReference<>() {}), null)
            : mapper.convertValue(inputJson, ScenarioInput.class);
    List<List<TelemetryPoint>> deliveries = new ArrayList<>(input.deliveries());
    if (deliveries.size() == 1) {
      // one batch: hand over after the first half of its fixes in time order
      List<TelemetryPoint> all = new ArrayList<>(deliveries.get(0));
      all.sort(java.util.Comparator.comparing(TelemetryPoint::fixTime));
      deliveries = List.of(all.subList(0, all.size() / 2), all.subList(all.size() / 2, all.size()));
    }
    RegistryState registry =
        input.registry() == null ? new RegistryState() : input.registry().toState();
    RegulationCatalogue catalogue = RegulationCatalogue.fromClasspath();
    List<ViolationEvent> straight = new ArrayList<>();
    List<ViolationEvent> handedOver = new ArrayList<>();
    try (RuleEngine one =
            new RuleEngine(catalogue, EngineSettings.defaults(), Clock.systemUTC(), registry);
        RuleEngine first =
            new RuleEngine(catalogue, EngineSettings.defaults(), Clock.systemUTC(), registry);
        RuleEngine second =
            new RuleEngine(catalogue, EngineSettings.defaults(), Clock.systemUTC(), registry)) {
      deliveries.forEach(d -> straight.addAll(one.process(d)));
      handedOver.addAll(first.process(deliveries.get(0)));
      for (int partition : first.partitions()) {
        second.restore(second.readSnapshot(first.snapshot(partition).toBytes()));
      }
      deliveries.subList(1, deliveries.size()).forEach(d -> handedOver.addAll(second.process(d)));
    }
    assertEquals(straight, handedOver, folder.getFileName().toString());
  }

  /**
   * The regulations a scenario is about: the one its folder name starts with ({@code
   * geo-001-detour-off-route} is about GEO-001) and every one its expected file names. Other
   * regulations may fire on the same fixes; their own scenarios cover them.
   */
  static Set<String> regulationsOf(Path folder, List<ExpectedEvent> expected) {
    Set<String> ids = new TreeSet<>();
    Matcher m = FOLDER_REGULATION.matcher(folder.getFileName().toString());
    if (m.lookingAt()) {
      ids.add(m.group(1).toUpperCase(Locale.ROOT) + "-" + m.group(2));
    }
    expected.forEach(e -> ids.add(e.regulationId()));
    return ids;
  }

  private static final Pattern FOLDER_REGULATION = Pattern.compile("([a-z]{3})-(\\d{3})-");

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
