package dev.dozor.rules.syracuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dozor.events.JsonSerde;
import dev.dozor.events.SchemaVersions;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.Topics;
import dev.dozor.events.VehicleRecord;
import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ViolationStatus;
import dev.dozor.rules.engine.EngineSettings;
import dev.dozor.rules.engine.RuleEngine;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.rules.regulation.Regulation;
import dev.dozor.rules.regulation.RegulationCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Syracuse snow-plough trace (31 trucks, 13–15 Feb 2021, {@code
 * ../shared/data/syracuse-snowplow-2021/gps_data.csv}) through the whole regulation catalogue gives
 * a stable, explained set of violations.
 *
 * <p><b>Input.</b> The CSV is read and turned into points by the simulator's replay code (the same
 * as {@code dozor-simulator replay}: speed and heading from the previous fix, odometer miles → km,
 * vehicle id {@code syr-<truck_name>}), at the recorded fix times; no receive time (the trace has
 * none). The trace has no equipment channel, so {@link EquipmentDerivation} derives it:
 *
 * <ul>
 *   <li>moving = speed ≥ 5 km/h;
 *   <li>a silence > 5 min after which the truck is within 50 m of where it was = the tracker slept
 *       because the engine was switched off: the fix before it (and a truck's last fix) has the
 *       ignition off;
 *   <li>ignition on when a moving fix lies within 10 min (before or after, not across such a
 *       silence), off otherwise;
 *   <li>plough down while the ignition is on and the speed is 5–60 km/h (the replay's band);
 *   <li>brush, spreader, spread rate, body tip: not reported.
 * </ul>
 *
 * <p><b>Registry.</b> The 31 trucks, type {@code plough}, nothing else: no districts, zones, road
 * segments, assignments or weather. Local time is America/New_York. So EQP-001, EQP-002, EQP-004,
 * GEO-001, GEO-002, GEO-003, TIM-001, TIM-002, TIM-004, TIM-005, TIM-006 cannot fire, nor SPD-002,
 * SPD-003, EQP-003 (no brush/spreader channel), INT-004 (b) (no snowfall, no shift), INT-005 (no
 * receive time). See docs/syracuse-trace.md.
 *
 * <p><b>Stable.</b> The same violations for the trace in time order (batches of {@value #BATCH}
 * points, like a consumer poll), for the same batches each shuffled, and with the engine's state
 * handed over to another engine through a checkpoint half-way (all three: event for event); for
 * per-vehicle black-box uploads (each truck's fixes of every 10 minutes as one shuffled upload) the
 * same episodes of every regulation but INT-001. Two disabled tests show what is not stable today
 * and why (INT-001 on late uploads, INT-003 on a truck read out after the others).
 *
 * <p><b>Explained.</b> The count per regulation and a few named episodes equal {@code
 * syracuse/expected-violations.json}; every violation meets its regulation's threshold, checked
 * against the input points. The actual result is written to {@code
 * target/syracuse/actual-violations.json} (copy the counts from there when a regulation changes on
 * purpose, and say why in docs/syracuse-trace.md).
 *
 * <p>Skipped when the trace is absent.
 */
class SyracuseTraceRegulationsTest {
  static final int BATCH = 500;
  static final Duration UPLOAD_WINDOW = Duration.ofMinutes(10);
  static final ZoneId LOCAL = ZoneId.of("America/New_York");
  static final EngineSettings SETTINGS =
      new EngineSettings(
          Duration.ofSeconds(30),
          Duration.ofHours(6),
          "en",
          Topics.TELEMETRY_PARTITIONS,
          LOCAL,
          Duration.ofMinutes(2),
          EngineSettings.DEFAULT_CLOCK_TICK);

  /** Regulations that need registry data the trace does not come with, or channels it lacks. */
  static final Set<String> CANNOT_FIRE =
      Set.of(
          "SPD-002", "SPD-003", "EQP-001", "EQP-002", "EQP-003", "EQP-004", "GEO-001", "GEO-002",
          "GEO-003", "TIM-001", "TIM-002", "TIM-003", "TIM-004", "TIM-005", "TIM-006", "INT-005");

  static SyracuseTrace.Points trace;
  static RegulationCatalogue catalogue;
  static List<ViolationEvent> inOrder;

  @BeforeAll
  static void runTheTraceInTimeOrder() throws IOException {
    Optional<Path> csv = SyracuseTrace.file();
    assumeTrue(
        csv.isPresent(),
        "skipped: the Syracuse trace "
            + SyracuseTrace.RELATIVE_PATH
            + " is absent (set DOZOR_SHARED_DATA to the folder holding it, or put ../shared/data"
            + " next to the repository)");
    trace = SyracuseTrace.read(csv.get(), EquipmentDerivation.DEFAULT);
    catalogue = RegulationCatalogue.fromClasspath();
    inOrder = run(inTimeOrder(false), -1);
    writeActual(inOrder);
  }

  @Test
  void readsTheWholeTrace() {
    assertEquals(0, trace.refusedRows());
    assertEquals(31, trace.byVehicle().size());
    assertEquals(25_255, trace.size(), "distinct (truck, messageTime) fixes");
  }

  @Test
  void everyEpisodeOpensOnceAndCloses() {
    Map<String, List<ViolationEvent>> byId = byViolation(inOrder);
    assertFalse(byId.isEmpty());
    byId.forEach(
        (id, events) -> {
          List<ViolationStatus> s = events.stream().map(ViolationEvent::status).toList();
          assertEquals(ViolationStatus.OPENED, s.get(0), id + " " + s);
          assertEquals(ViolationStatus.CLOSED, s.get(s.size() - 1), id + " " + s);
          assertTrue(
              s.subList(1, s.size() - 1).stream().allMatch(x -> x == ViolationStatus.UPDATED),
              id + " " + s);
          ViolationEvent first = events.get(0);
          assertTrue(
              events.stream()
                  .allMatch(
                      e ->
                          e.regulationId().equals(first.regulationId())
                              && e.vehicleId().equals(first.vehicleId())
                              && e.startedAt().equals(first.startedAt())),
              id);
        });
  }

  @Test
  void countsPerRegulationEqualTheGoldenFile() throws IOException {
    JsonNode golden = golden();
    Map<String, Integer> expected = new TreeMap<>();
    golden
        .get("counts")
        .fields()
        .forEachRemaining(f -> expected.put(f.getKey(), f.getValue().asInt()));
    assertEquals(
        expected,
        counts(inOrder),
        "episodes per regulation (see target/syracuse/actual-violations.json)");
  }

  @Test
  void theNamedEpisodesEqualTheGoldenFile() throws IOException {
    Map<String, ViolationEvent> closed = closedById(inOrder);
    JsonNode named = golden().get("episodes");
    assertTrue(named.size() >= 3, "the golden file names a few episodes");
    for (JsonNode n : named) {
      String what = n.get("name").asText();
      ViolationEvent e = closed.get(n.get("violationId").asText());
      assertNotNull(e, what + ": no such closed episode");
      assertEquals(n.get("regulationId").asText(), e.regulationId(), what);
      assertEquals(n.get("vehicleId").asText(), e.vehicleId(), what);
      assertEquals(Instant.parse(n.get("startedAt").asText()), e.startedAt(), what);
      assertEquals(Instant.parse(n.get("endedAt").asText()), e.endedAt(), what);
      n.get("measurements")
          .fields()
          .forEachRemaining(
              m -> {
                Double actual = e.measurements().get(m.getKey());
                assertNotNull(actual, what + ": measurement " + m.getKey());
                assertEquals(m.getValue().asDouble(), actual, 0.01, what + ": " + m.getKey());
              });
      List<Instant> evidence = new ArrayList<>();
      n.get("evidence").forEach(t -> evidence.add(Instant.parse(t.asText())));
      assertEquals(
          evidence, e.evidence().stream().map(p -> p.fixTime()).toList(), what + ": evidence");
    }
  }

  @Test
  void regulationsWithoutTheirDataStaySilent() {
    Map<String, Integer> counts = counts(inOrder);
    CANNOT_FIRE.forEach(id -> assertEquals(0, counts.get(id), id));
  }

  /** Each violation, checked against its regulation's threshold and the input points. */
  @Test
  void everyViolationMeetsItsRegulationsThreshold() {
    Collection<ViolationEvent> all = closedById(inOrder).values();
    for (ViolationEvent e : all) {
      List<TelemetryPoint> during = during(e);
      Map<String, Double> par = e.parameters();
      Map<String, Double> m = e.measurements();
      String what = e.regulationId() + " " + e.vehicleId() + " " + e.startedAt();
      switch (e.regulationId()) {
        case "SPD-001" -> {
          assertTrue(m.get("durationS") >= par.get("minDurationS"), what);
          assertTrue(m.get("maxSpeedKmh") > par.get("speedLimitKmh"), what);
          assertFalse(during.isEmpty(), what);
          during.forEach(
              p -> {
                assertTrue(p.equipment().isPloughDown(), what + " plough at " + p.fixTime());
                assertTrue(p.speedKmh() > par.get("speedLimitKmh"), what + " at " + p.fixTime());
              });
        }
        case "SPD-004" -> {
          double limit = par.get("defaultLimitKmh") + par.get("toleranceKmh");
          assertEquals(par.get("defaultLimitKmh"), m.get("limitKmh"), what + " (no road data)");
          assertTrue(m.get("durationS") >= par.get("minDurationS"), what);
          assertFalse(during.isEmpty(), what);
          during.forEach(
              p -> {
                assertFalse(p.equipment().isAnyImplementWorking(), what + " at " + p.fixTime());
                assertTrue(p.speedKmh() > limit, what + " at " + p.fixTime());
              });
        }
        case "TIM-007" -> {
          assertTrue(m.get("durationS") > par.get("maxIdleS"), what);
          assertFalse(during.isEmpty(), what);
          during.forEach(
              p -> {
                assertTrue(p.speedKmh() < par.get("idleSpeedKmh"), what + " at " + p.fixTime());
                assertTrue(
                    Boolean.TRUE.equals(p.equipment().ignition()), what + " at " + p.fixTime());
              });
        }
        case "INT-001" -> {
          long silenceS = Duration.between(e.startedAt(), e.endedAt()).toSeconds();
          assertTrue(silenceS > par.get("maxSilenceS"), what + " silent " + silenceS + " s");
          assertEquals(2, during.size(), what + ": only the fixes around the gap");
          assertTrue(
              Boolean.TRUE.equals(during.get(0).equipment().ignition()),
              what + ": ignition before the gap");
        }
        case "INT-002" ->
            assertTrue(m.get("maxImpliedSpeedKmh") > par.get("maxImpliedSpeedKmh"), what);
        case "INT-003" -> {
          assertTrue(m.get("deviationPct") > par.get("maxDeviationPct"), what);
          assertTrue(m.get("gpsKm") >= par.get("minGpsKm"), what);
          assertTrue(m.get("odometerReadings") >= par.get("minOdometerReadings"), what);
          double odometerKm =
              during.get(during.size() - 1).odometerKm() - during.get(0).odometerKm();
          assertEquals(odometerKm, m.get("odometerKm"), 0.001, what + ": odometer of the day");
          double deviation = Math.abs(m.get("odometerKm") - m.get("gpsKm")) / m.get("gpsKm");
          assertEquals(deviation * 100, m.get("deviationPct"), 0.01, what);
          assertEquals(
              e.startedAt().atZone(LOCAL).toLocalDate(),
              e.endedAt().atZone(LOCAL).toLocalDate(),
              what + ": one local day");
        }
        case "INT-004" -> assertTrue(m.get("maxTogglesInWindow") > par.get("maxToggles"), what);
        default -> fail("no threshold check for " + what + ": add one with the golden count");
      }
    }
  }

  @Test
  void theSameViolationsWhenEveryBatchArrivesShuffled() {
    assertEquals(inOrder, run(inTimeOrder(true), -1));
  }

  /**
   * Black-box style: each truck's fixes of every {@link #UPLOAD_WINDOW} arrive as one shuffled
   * upload, trucks in random order, so a truck's fixes reach the engine up to one window after
   * other trucks moved its clock on. Every regulation but INT-001 gives the same episodes. INT-001
   * is live by design (it opens when the clock passes a vehicle's last fix + maxSilenceS), so a
   * late upload may open a gap the in-order run never saw; see {@link
   * #int001GapsOfLateUploadsEndAtTheFixThatEndsThemAndIncludeEveryRealGap}.
   */
  @Test
  void theSameViolationsWhenEachTruckUploadsItsFixesLateAndShuffled() {
    List<ViolationEvent> uploaded = run(blackBoxUploads(UPLOAD_WINDOW), -1);
    assertEquals(episodes(withoutInt001(inOrder)), episodes(withoutInt001(uploaded)));
  }

  /**
   * INT-001 with one-minute late uploads. It is live by design: when a truck's next fix arrives
   * after the partition's clock ran past its last fix + maxSilenceS, the gap is OPENED live, and a
   * late fix showing a shorter silence cannot take that back (truck 977331: 278 s in fix time). So
   * the episode lists differ from the in-order run. What delivery must not change: every gap starts
   * and ends at fixes of its truck (the end is the fix that ended it, not the clock), and every gap
   * the in-order run reports is reported again, with the same id.
   */
  @Test
  void int001GapsOfLateUploadsEndAtTheFixThatEndsThemAndIncludeEveryRealGap() {
    Map<String, ViolationEvent> late = closedById(run(blackBoxUploads(Duration.ofMinutes(1)), -1));
    late.values().removeIf(e -> !e.regulationId().equals("INT-001"));
    assertTrue(late.size() > 0, "one-minute uploads open gaps live");
    for (ViolationEvent gap : late.values()) {
      Set<Instant> fixes =
          trace.byVehicle().get(gap.vehicleId()).stream()
              .map(TelemetryPoint::fixTime)
              .collect(Collectors.toSet());
      assertTrue(fixes.contains(gap.startedAt()), "starts at the last fix: " + gap);
      assertTrue(fixes.contains(gap.endedAt()), "ends at the fix that ended it: " + gap);
    }
    for (ViolationEvent real : closedById(withOnly("INT-001", inOrder)).values()) {
      assertEquals(
          episodes(List.of(real)),
          episodes(List.of(late.get(real.violationId()))),
          "the in-order gap, reported again");
    }
  }

  /**
   * A truck whose whole record is uploaded after the others (a black box read out after the shift)
   * keeps its INT-003 days: a period that had already ended on the event clock when its first fix
   * arrived is closed by the vehicle's own fixes, not by the clock (truck 1110487: 64 % and 36 %).
   */
  @Test
  void theSameViolationsWhenATruckIsReadOutAfterTheOthers() {
    String late = "syr-1110487";
    List<TelemetryPoint> others = new ArrayList<>();
    List<TelemetryPoint> box = new ArrayList<>();
    trace.inTimeOrder().forEach(p -> (p.vehicleId().equals(late) ? box : others).add(p));
    List<List<TelemetryPoint>> deliveries = new ArrayList<>(batches(others, false));
    deliveries.addAll(batches(box, true));
    assertEquals(episodes(inOrder), episodes(run(deliveries, -1)));
  }

  @Test
  void theSameViolationsWhenTheStateMovesToAnotherEngineHalfWay() {
    List<List<TelemetryPoint>> batches = inTimeOrder(false);
    assertEquals(inOrder, run(batches, batches.size() / 2));
  }

  // ---- deliveries ----

  /** The trace in fix-time order, in batches of {@link #BATCH}, each shuffled when asked. */
  static List<List<TelemetryPoint>> inTimeOrder(boolean shuffled) {
    return batches(trace.inTimeOrder(), shuffled);
  }

  /** Consecutive batches of {@link #BATCH} points, each shuffled when asked. */
  static List<List<TelemetryPoint>> batches(List<TelemetryPoint> all, boolean shuffled) {
    Random random = new Random(2021);
    List<List<TelemetryPoint>> batches = new ArrayList<>();
    for (int from = 0; from < all.size(); from += BATCH) {
      List<TelemetryPoint> b =
          new ArrayList<>(all.subList(from, Math.min(all.size(), from + BATCH)));
      if (shuffled) {
        Collections.shuffle(b, random);
      }
      batches.add(b);
    }
    return batches;
  }

  /**
   * Black-box style: per window of {@link #UPLOAD_WINDOW} (aligned to the epoch, so local midnight
   * is a window edge), each truck's fixes of the window arrive as one upload in random order, the
   * trucks in random order. A fix is at most one window behind the engine's clock.
   */
  static List<List<TelemetryPoint>> blackBoxUploads(Duration uploadWindow) {
    long window = uploadWindow.toMillis();
    Map<Long, Map<String, List<TelemetryPoint>>> byWindow = new TreeMap<>();
    for (TelemetryPoint p : trace.inTimeOrder()) {
      byWindow
          .computeIfAbsent(
              Math.floorDiv(p.fixTime().toEpochMilli(), window), k -> new LinkedHashMap<>())
          .computeIfAbsent(p.vehicleId(), k -> new ArrayList<>())
          .add(p);
    }
    Random random = new Random(13);
    List<List<TelemetryPoint>> uploads = new ArrayList<>();
    byWindow
        .values()
        .forEach(
            trucks -> {
              List<List<TelemetryPoint>> of = new ArrayList<>(trucks.values());
              Collections.shuffle(of, random);
              of.forEach(
                  u -> {
                    List<TelemetryPoint> upload = new ArrayList<>(u);
                    Collections.shuffle(upload, random);
                    uploads.add(upload);
                  });
            });
    return uploads;
  }

  /**
   * Runs the deliveries through a fresh engine; after delivery {@code handOverAfter} (unless
   * negative) the state moves to a second engine through checkpoint bytes. At the end the wall
   * clock moves past the idle timeout, so every vehicle's data ends and open episodes close.
   */
  static List<ViolationEvent> run(List<List<TelemetryPoint>> deliveries, int handOverAfter) {
    MutableClock wall = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
    RegistryState registry = registry();
    List<ViolationEvent> events = new ArrayList<>();
    RuleEngine engine = new RuleEngine(catalogue, SETTINGS, wall, registry);
    try {
      for (int i = 0; i < deliveries.size(); i++) {
        events.addAll(engine.process(deliveries.get(i)));
        if (i == handOverAfter) {
          RuleEngine next = new RuleEngine(catalogue, SETTINGS, wall, registry);
          for (int partition : engine.partitions()) {
            next.restore(next.readSnapshot(engine.snapshot(partition).toBytes()));
          }
          engine.close();
          engine = next;
        }
      }
      wall.advance(SETTINGS.sessionIdleTimeout().plusMinutes(1));
      events.addAll(engine.endIdleVehicles());
    } finally {
      engine.close();
    }
    return events;
  }

  static RegistryState registry() {
    RegistryState registry = new RegistryState();
    trace
        .byVehicle()
        .keySet()
        .forEach(
            id ->
                registry.vehicle(
                    new VehicleRecord(
                        SchemaVersions.VEHICLE,
                        id,
                        id.substring("syr-".length()),
                        "plough",
                        "City of Syracuse DPW",
                        null,
                        null,
                        null,
                        null)));
    registry.publishPlaces();
    return registry;
  }

  // ---- reading the result ----

  /** Episodes (distinct violation ids that opened) per regulation of the catalogue, 0 included. */
  static Map<String, Integer> counts(List<ViolationEvent> events) {
    Map<String, Integer> counts = new TreeMap<>();
    catalogue.regulations().forEach(r -> counts.put(r.id(), 0));
    events.stream()
        .filter(e -> e.status() == ViolationStatus.OPENED)
        .forEach(e -> counts.merge(e.regulationId(), 1, Integer::sum));
    return counts;
  }

  /**
   * What an official sees of each episode, independent of delivery: id, regulation, vehicle,
   * status, start, end and (CLOSED) the final measurements and evidence; UPDATED events left out
   * (their number depends on when the clock moved). Sorted.
   */
  static List<String> episodes(List<ViolationEvent> events) {
    return events.stream()
        .filter(e -> e.status() != ViolationStatus.UPDATED)
        .map(
            e ->
                String.join(
                    " ",
                    e.violationId(),
                    e.regulationId(),
                    e.vehicleId(),
                    e.status().name(),
                    String.valueOf(e.startedAt()),
                    String.valueOf(e.endedAt()),
                    e.status() == ViolationStatus.CLOSED
                        ? new TreeMap<>(e.measurements()) + " " + e.evidence()
                        : ""))
        .sorted()
        .toList();
  }

  static List<ViolationEvent> withOnly(String regulationId, List<ViolationEvent> events) {
    return events.stream().filter(e -> e.regulationId().equals(regulationId)).toList();
  }

  static List<ViolationEvent> withoutInt001(List<ViolationEvent> events) {
    return events.stream().filter(e -> !e.regulationId().equals("INT-001")).toList();
  }

  static Map<String, List<ViolationEvent>> byViolation(List<ViolationEvent> events) {
    Map<String, List<ViolationEvent>> byId = new LinkedHashMap<>();
    events.forEach(e -> byId.computeIfAbsent(e.violationId(), k -> new ArrayList<>()).add(e));
    return byId;
  }

  static Map<String, ViolationEvent> closedById(List<ViolationEvent> events) {
    Map<String, ViolationEvent> closed = new LinkedHashMap<>();
    events.stream()
        .filter(e -> e.status() == ViolationStatus.CLOSED)
        .forEach(e -> closed.put(e.violationId(), e));
    return closed;
  }

  /** The input points of the episode's vehicle from its start to its end, inclusive. */
  static List<TelemetryPoint> during(ViolationEvent e) {
    return trace.byVehicle().get(e.vehicleId()).stream()
        .filter(p -> !p.fixTime().isBefore(e.startedAt()) && !p.fixTime().isAfter(e.endedAt()))
        .toList();
  }

  static JsonNode golden() throws IOException {
    try (InputStream in =
        SyracuseTraceRegulationsTest.class.getResourceAsStream(
            "/syracuse/expected-violations.json")) {
      assertNotNull(in, "syracuse/expected-violations.json on the test class path");
      return JsonSerde.mapper().readTree(in);
    }
  }

  /** The counts and every closed episode, for the docs and for updating the golden file. */
  static void writeActual(List<ViolationEvent> events) throws IOException {
    List<Map<String, Object>> episodes = new ArrayList<>();
    closedById(events).values().stream()
        .sorted(
            Comparator.comparing(ViolationEvent::regulationId)
                .thenComparing(ViolationEvent::startedAt)
                .thenComparing(ViolationEvent::vehicleId))
        .forEach(
            e -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("violationId", e.violationId());
              m.put("regulationId", e.regulationId());
              m.put("vehicleId", e.vehicleId());
              m.put("startedAt", e.startedAt().toString());
              m.put("endedAt", e.endedAt().toString());
              m.put(
                  "updates",
                  events.stream()
                      .filter(x -> x.violationId().equals(e.violationId()))
                      .filter(x -> x.status() == ViolationStatus.UPDATED)
                      .count());
              m.put("measurements", new TreeMap<>(e.measurements()));
              m.put("evidence", e.evidence().stream().map(p -> p.fixTime().toString()).toList());
              episodes.add(m);
            });
    Map<String, Object> actual = new LinkedHashMap<>();
    actual.put("counts", counts(events));
    actual.put(
        "regulations",
        catalogue.regulations().stream().map(Regulation::id).collect(Collectors.toList()));
    actual.put("episodes", episodes);
    Path out = Path.of("target/syracuse/actual-violations.json");
    Files.createDirectories(out.getParent());
    ObjectMapper mapper = JsonSerde.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
    mapper.writeValue(out.toFile(), actual);
  }

  /** A wall clock the test moves. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
