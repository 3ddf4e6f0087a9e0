package dev.dozor.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.dozor.events.Equipment;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import dev.dozor.rules.regulation.RegulationCatalogue;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every {@code scenarios/<name>/} folder: {@code input.json} (fixes) through a fresh engine
 * must give exactly {@code expected.json} (episode changes, in order). Regulation experts add
 * folders; no Java needed.
 */
class ScenarioTest {

  /** One fix as an expert writes it; lat/lon may be left out. */
  record ScenarioPoint(
      String vehicleId, Instant fixTime, double speedKmh, Boolean plough, Double lat, Double lon) {
    TelemetryPoint toPoint() {
      return TelemetryPoint.of(
          vehicleId,
          "scenario-device",
          fixTime,
          fixTime,
          lat == null ? 55.75 : lat,
          lon == null ? 37.62 : lon,
          speedKmh,
          null,
          plough == null ? Equipment.NONE : Equipment.plough(plough));
    }
  }

  /** One expected episode change. */
  record ExpectedEvent(
      String regulationId, ViolationStatus status, Instant startedAt, Instant endedAt) {
    static ExpectedEvent of(ViolationEvent e) {
      return new ExpectedEvent(e.regulationId(), e.status(), e.startedAt(), e.endedAt());
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
    List<ScenarioPoint> input =
        JsonSerde.mapper()
            .readValue(folder.resolve("input.json").toFile(), new TypeReference<>() {});
    List<ExpectedEvent> expected =
        JsonSerde.mapper()
            .readValue(folder.resolve("expected.json").toFile(), new TypeReference<>() {});

    try (RuleEngine engine =
        new RuleEngine(
            RegulationCatalogue.fromClasspath(), EngineSettings.defaults(), Clock.systemUTC())) {
      List<ExpectedEvent> actual =
          engine.process(input.stream().map(ScenarioPoint::toPoint).toList()).stream()
              .map(ExpectedEvent::of)
              .toList();
      assertEquals(expected, actual, folder.getFileName().toString());
    }
  }
}
