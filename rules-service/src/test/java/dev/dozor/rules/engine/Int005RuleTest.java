package dev.dozor.rules.engine;

import static dev.dozor.events.ViolationStatus.CLOSED;
import static dev.dozor.events.ViolationStatus.OPENED;
import static dev.dozor.rules.engine.RuleTestSupport.batches;
import static dev.dozor.rules.engine.RuleTestSupport.of;
import static dev.dozor.rules.engine.RuleTestSupport.shuffled;
import static dev.dozor.rules.engine.RuleTestSupport.statuses;
import static dev.dozor.rules.engine.Track.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.ViolationEvent;
import dev.dozor.rules.registry.RegistryState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** INT-005 (clock anomaly): fix time ahead of receive time, or older than a tracker buffer. */
class Int005RuleTest {
  private RuleEngine engine;

  @BeforeEach
  void newEngine() {
    engine = RuleTestSupport.engine(new RegistryState());
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  /** Fast ploughing every 5 s; fixes 30..50 s stamped by a clock running ahead by aheadS. */
  private static List<TelemetryPoint> skewed(int aheadS) {
    return Track.of("v1")
        .fixes(6, 5, 60, true) // 0..25 s
        .receiveDelay(Duration.ofSeconds(-aheadS))
        .fixes(5, 5, 60, true) // 30..50 s
        .receiveDelay(Duration.ofSeconds(1))
        .fixes(10, 5, 60, true) // 55..100 s
        .fixes(1, 5, 0, true)
        .points();
  }

  @Test
  void consecutiveFixesFromAClockRunningAheadFormOneEpisode() {
    List<ViolationEvent> events = of("INT-005", engine.process(skewed(301)));

    assertEquals(List.of(OPENED, CLOSED), statuses(events));
    assertEquals(t(30), events.get(0).startedAt());
    assertEquals(t(50), events.get(1).endedAt(), "the last anomalous fix");
    assertEquals(t(55), events.get(1).eventTime(), "closed by the first plausible fix");
    assertEquals(301.0, events.get(1).measurements().get("maxAheadS"));
    assertEquals(5.0, events.get(1).measurements().get("points"));
  }

  @Test
  void anomalousFixesStillCountForTheOtherRegulations() {
    List<ViolationEvent> speeding = of("SPD-001", engine.process(skewed(301)));

    assertEquals(t(0), speeding.get(0).startedAt());
    assertEquals(CLOSED, speeding.get(speeding.size() - 1).status());
    assertEquals(t(100), speeding.get(speeding.size() - 1).endedAt(), "one unbroken episode");
  }

  @Test
  void aSingleFixStampedADayAheadNeitherHidesTheNextRealFixesNorEndsTheirEpisode() {
    List<ViolationEvent> events = new java.util.ArrayList<>();
    events.addAll(engine.process(Track.of("v1").fixes(10, 5, 60, true).points())); // 0..45 s
    events.addAll(
        engine.process(
            Track.of("v1")
                .at(50 + 23 * 3600)
                .receiveDelay(Duration.ofHours(-23))
                .fixes(1, 5, 60, true)
                .points()));
    events.addAll(
        engine.process(Track.of("v1").at(55).fixes(10, 5, 60, true).fixes(1, 5, 0, true).points()));

    assertEquals(List.of(OPENED, CLOSED), statuses(of("INT-005", events)));
    List<ViolationEvent> speeding = of("SPD-001", events);
    assertEquals(t(0), speeding.get(0).startedAt());
    assertEquals(CLOSED, speeding.get(speeding.size() - 1).status());
    assertEquals(t(100), speeding.get(speeding.size() - 1).endedAt(), "the real fixes counted");
    assertEquals(1, speeding.stream().map(ViolationEvent::violationId).distinct().count());
  }

  @Test
  void doesNotFireWhenFixesArriveOnTime() {
    assertEquals(List.of(), of("INT-005", engine.process(skewed(-1))));
  }

  @Test
  void exactlyMaxAheadIsAllowedAndOneSecondMoreIsNot() {
    assertEquals(List.of(), of("INT-005", engine.process(skewed(120))));

    RuleEngine other = RuleTestSupport.engine(new RegistryState());
    assertEquals(List.of(OPENED, CLOSED), statuses(of("INT-005", other.process(skewed(121)))));
    other.close();
  }

  @Test
  void aFixOlderThanMaxAgeIsAnAnomalyAndExactlyMaxAgeIsNot() {
    List<TelemetryPoint> atLimit =
        Track.of("v1").receiveDelay(Duration.ofHours(72)).fixes(3, 10, 20).points();
    assertEquals(List.of(), of("INT-005", engine.process(atLimit)));

    List<TelemetryPoint> older =
        Track.of("v2")
            .receiveDelay(Duration.ofHours(72).plusSeconds(1))
            .fixes(3, 10, 20)
            .receiveDelay(Duration.ofSeconds(5))
            .fixes(1, 10, 20)
            .points();
    List<ViolationEvent> events = of("INT-005", engine.process(older));
    assertEquals(List.of(OPENED, CLOSED), statuses(events));
    assertEquals(t(0), events.get(0).startedAt());
    assertEquals(t(20), events.get(1).endedAt());
    assertEquals(72 + 1 / 3600.0, events.get(1).measurements().get("maxAgeH"), 1e-9);
  }

  @Test
  void shuffledAndBatchedInputGivesTheSameEvents() {
    List<TelemetryPoint> points = skewed(400);
    List<ViolationEvent> expected = engine.process(points);

    RuleEngine shuffledEngine = RuleTestSupport.engine(new RegistryState());
    List<ViolationEvent> fromShuffled = shuffledEngine.process(shuffled(points));
    shuffledEngine.close();
    RuleEngine batchedEngine = RuleTestSupport.engine(new RegistryState());
    List<ViolationEvent> fromBatches = new ArrayList<>();
    batches(points, 3).forEach(b -> fromBatches.addAll(batchedEngine.process(b)));
    batchedEngine.close();

    assertEquals(of("INT-005", expected), of("INT-005", fromShuffled));
    assertEquals(of("INT-005", expected), of("INT-005", fromBatches));
  }

  @Test
  void holdsAtMostOneEpisodeAndNothingAfterIt() {
    List<TelemetryPoint> points = skewed(301);
    engine.process(points.subList(0, 8)); // into the anomalous run
    assertEquals(1, engine.factCount("v1", "INT-005"));

    engine.process(points.subList(8, points.size()));
    assertEquals(0, engine.factCount("v1", "INT-005"));
  }
}
