package dev.dozor.bench.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dozor.bench.BenchException;
import dev.dozor.bench.BenchOptions.UsageException;
import dev.dozor.bench.Progress;
import dev.dozor.bench.probe.CopyReference;
import dev.dozor.bench.proc.MachineInfo;
import dev.dozor.events.JsonSerde;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/dozor bench telemetry}: the telemetry-service's ingest rate against COPY, the 24 h
 * track and district-day coverage query times, and how those grow with stored days (issue 5,
 * "Performance").
 */
public final class TelemetryBenchCommand {
  /** Days before the benchmark day the ingest backlog is dated (outside the growth window). */
  static final int INGEST_DAYS_BACK = 45;

  private static final long NO_PROGRESS_LIMIT_S = 120;

  private final TelemetryBenchOptions o;
  private final Progress progress;
  private final Db db;
  private final List<String> notes = new ArrayList<>();

  private TelemetryBenchCommand(TelemetryBenchOptions o, Progress progress) {
    this.o = o;
    this.progress = progress;
    this.db = new Db(o.jdbcUrl(), o.dbUser(), o.dbPassword());
  }

  public static int run(String[] args, PrintStream out) {
    TelemetryBenchOptions options;
    try {
      options = TelemetryBenchOptions.parse(args);
    } catch (UsageException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    try {
      TelemetryBenchCommand c = new TelemetryBenchCommand(options, new Progress(out, "bench"));
      switch (options.phase()) {
        case "produce" -> c.produce();
        case "cleanup" ->
            new KafkaBacklog(options.kafka()).delete(options.topic(), options.registryTopic());
        default -> c.measure();
      }
      return 0;
    } catch (BenchException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    } catch (Exception e) {
      LoggerFactory.getLogger(TelemetryBenchCommand.class).error("telemetry benchmark failed", e);
      return 1;
    }
  }

  /** The benchmark day: yesterday (UTC), so every stored day lies in the past. */
  static LocalDate benchmarkDay(LocalDate today) {
    return today.minusDays(1);
  }

  private LocalDate day() {
    return benchmarkDay(LocalDate.now(ZoneOffset.UTC));
  }

  private Instant ingestStart() {
    return day().minusDays(INGEST_DAYS_BACK).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private IngestFleet ingestPoints() {
    return new IngestFleet(o.points(), o.ingestVehicles(), ingestStart(), 10, 42);
  }

  private Path produceState() {
    return o.stateDir().resolve("bench").resolve("telemetry-produce.json");
  }

  // ------------------------------------------------------------------ phase 1: the backlog

  private void produce() throws Exception {
    progress.say(
        "ingest: producing %,d points of %,d vehicles to %s (a fresh topic; telemetry-service"
            + " is stopped)",
        o.points(), o.ingestVehicles(), o.topic());
    KafkaBacklog kafka = new KafkaBacklog(o.kafka());
    kafka.recreate(o.topic(), o.registryTopic());
    long t0 = System.nanoTime();
    long acked = kafka.produce(o.topic(), ingestPoints(), o.points(), progress);
    double s = (System.nanoTime() - t0) / 1e9;
    progress.say(
        "ingest: %,d points acknowledged by Kafka in %.1f s (%,.0f/s)", acked, s, acked / s);
    Files.createDirectories(produceState().getParent());
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("points", acked);
    state.put("seconds", s);
    state.put("topic", o.topic());
    state.put("producedAt", Instant.now().toString());
    Files.writeString(produceState(), JsonSerde.toJson(state));
  }

  // ------------------------------------------------------------------ phase 2: measurements

  private void measure() throws Exception {
    long started = System.nanoTime();
    String loadBefore = loadAverage();
    JsonNode produced = readProduceState();
    TelemetryBenchReport.Ingest ingest = measureIngest(produced);
    List<TelemetryBenchReport.GrowthRow> growth = measureQueries();
    notes.add(
        "load average of the machine (1, 5, 15 min) at the start of the measurements: "
            + loadBefore
            + "; at the end: "
            + loadAverage()
            + " (other work on the same cores lowers every figure)");
    TelemetryBenchReport report =
        new TelemetryBenchReport(
            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
            MachineInfo.detect().summary(),
            "bin/dozor bench telemetry" + (o.quick() ? " --quick" : ""),
            volumes(),
            ingest,
            growth,
            notes);
    Path md = report.write(o.docsDir());
    progress.say("done in %.1f min", (System.nanoTime() - started) / 60e9);
    progress.say("report written to %s and %s", md, md.resolveSibling("benchmarks-telemetry.json"));
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private JsonNode readProduceState() throws IOException {
    if (!Files.isRegularFile(produceState())) {
      throw new BenchException(
          "no ingest backlog was produced ("
              + produceState()
              + " is missing): run the benchmark through bin/dozor bench telemetry");
    }
    return JsonSerde.mapper().readTree(Files.readString(produceState()));
  }

  private Map<String, String> volumes() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put(
        "ingest backlog",
        String.format(
            Locale.ROOT,
            "%,d points, %,d vehicles, 10 s fixes (dated %s)",
            o.points(),
            o.ingestVehicles(),
            day().minusDays(INGEST_DAYS_BACK)));
    v.put(
        "benchmark day " + day(),
        String.format(
            Locale.ROOT,
            "%,d fleet vehicles at %d s over the SVAO road segments (%,d positions) + the 1 Hz"
                + " track vehicle (86,400 positions) + the segment passes their drives imply",
            o.vehicles(),
            o.intervalS(),
            (long) o.vehicles() * (86_400 / o.intervalS())));
    if (o.days() > 1) {
      v.put(
          "each of the other " + (o.days() - 1) + " days",
          String.format(
              Locale.ROOT,
              "%,d fleet vehicles at %d s (%,d positions) + the 1 Hz track vehicle + passes"
                  + " (reduced: the full volume, %,d positions a day, would be %,d positions for"
                  + " %d days)",
              o.growthVehicles(),
              o.intervalS(),
              (long) o.growthVehicles() * (86_400 / o.intervalS()),
              (long) o.vehicles() * (86_400 / o.intervalS()) + 86_400,
              ((long) o.vehicles() * (86_400 / o.intervalS()) + 86_400) * o.days(),
              o.days()));
    }
    v.put(
        "timed requests",
        o.trackRequests()
            + " track, "
            + o.coverageRequests()
            + " coverage, after "
            + o.warmUp()
            + " warm-up each");
    return v;
  }

  private TelemetryBenchReport.Ingest measureIngest(JsonNode produced) throws Exception {
    long total = produced.get("points").asLong();
    double producedPerS = total / produced.get("seconds").asDouble();
    progress.say("ingest: watching telemetry-service drain %,d points into PostGIS", total);
    List<IngestRate.Sample> samples = new ArrayList<>();
    long t0 = System.nanoTime();
    long last = -1;
    long lastChange = t0;
    long lastSay = t0;
    boolean ready = false;
    try (Connection c = db.open()) {
      while (true) {
        double s = (System.nanoTime() - t0) / 1e9;
        long stored = db.positionsExist() ? db.insertedPositions(c) : 0;
        samples.add(new IngestRate.Sample(s, stored));
        if (stored != last) {
          last = stored;
          lastChange = System.nanoTime();
        }
        if (!ready) {
          ready = new TelemetryApi(o.telemetry()).ready();
        }
        if (stored >= total) {
          break;
        }
        if ((System.nanoTime() - lastChange) / 1e9 > NO_PROGRESS_LIMIT_S) {
          notes.add(
              String.format(
                  Locale.ROOT,
                  "ingest: the service stored %,d of %,d points and then nothing for %d s; see"
                      + " .dozor/logs/telemetry.log",
                  stored,
                  total,
                  NO_PROGRESS_LIMIT_S));
          progress.say(
              "ingest: no progress for %d s, giving up at %,d rows", NO_PROGRESS_LIMIT_S, stored);
          break;
        }
        if (System.nanoTime() - lastSay > 10e9) {
          lastSay = System.nanoTime();
          progress.say(
              "ingest: %,d of %,d stored after %.0f s%s",
              stored, total, s, ready ? "" : " (service starting)");
        }
        Thread.sleep(1000);
      }
    }
    awaitReady();
    long exact = countIngest();
    IngestRate.Result rate = IngestRate.of(samples, total);
    if (rate != null) {
      progress.say(
          "ingest: %,.0f points/s sustained (10–90 %%), start-up %.1f s, %,d rows stored",
          rate.sustainedPerS(), rate.startUpS(), exact);
    }
    if (exact != total) {
      notes.add(
          String.format(Locale.ROOT, "ingest: %,d points produced, %,d stored", total, exact));
    }
    String loadAfterService = loadAverage();
    TelemetryBenchReport.CopyFigure copy = copyReference(total);
    String loadAfterCopy = loadAverage();
    List<UnnestReference.Result> unnest = new ArrayList<>();
    for (int connections : List.of(1, 2)) {
      progress.say(
          "ingest: the service's unnest INSERT over JDBC on the same rows, %,d-row batches, %d"
              + " connection(s)",
          o.unnestBatch(), connections);
      UnnestReference.Result u =
          new UnnestReference(db)
              .run(ingestPoints(), ingestDays(total), o.unnestBatch(), connections);
      progress.say("ingest: unnest %d connection(s): %,.0f rows/s", connections, u.pointsPerS());
      unnest.add(u);
    }
    notes.add(
        "ingest: load average (1, 5, 15 min) when the service had drained the backlog: "
            + loadAfterService
            + "; after the COPY reference: "
            + loadAfterCopy
            + "; after the unnest references: "
            + loadAverage()
            + " (the paths ran one after the other: compare them with the load in mind)");
    dropIngestDays(total);
    return new TelemetryBenchReport.Ingest(
        total, o.ingestVehicles(), producedPerS, exact, rate, copy, unnest);
  }

  private TreeSet<LocalDate> ingestDays(long total) {
    TreeSet<LocalDate> days = new TreeSet<>();
    Instant start = ingestStart();
    Instant end = start.plusSeconds(IngestFleet.spanSeconds(total, o.ingestVehicles(), 10));
    for (LocalDate d = LocalDate.ofInstant(start, ZoneOffset.UTC);
        !d.isAfter(LocalDate.ofInstant(end, ZoneOffset.UTC));
        d = d.plusDays(1)) {
      days.add(d);
    }
    return days;
  }

  private long countIngest() {
    return db.queryLong(
        "select count(*) from telemetry.positions where vehicle_id like 'bench-ingest-%'"
            + " and fix_time >= '"
            + ingestStart()
            + "' and fix_time < '"
            + ingestStart().plus(INGEST_DAYS_BACK - 1, ChronoUnit.DAYS)
            + "'");
  }

  private TelemetryBenchReport.CopyFigure copyReference(long total) {
    progress.say("ingest: raw COPY of the same %,d rows into a scratch copy of the table", total);
    try (Connection c = db.open()) {
      CopyReference.Result r = CopyReference.run(c, ingestPoints(), (int) total);
      progress.say("ingest: COPY %,.0f rows/s", r.pointsPerS());
      return new TelemetryBenchReport.CopyFigure(r.rows(), r.seconds(), r.pointsPerS());
    } catch (SQLException e) {
      throw new BenchException("COPY reference: " + e.getMessage(), e);
    }
  }

  /** The ingest rows are not part of the query measurements: their days go. */
  private void dropIngestDays(long total) {
    List<String> sql = new ArrayList<>();
    for (LocalDate d : ingestDays(total)) {
      sql.add("DROP TABLE IF EXISTS telemetry.positions_" + d.toString().replace("-", ""));
    }
    sql.add("DELETE FROM telemetry.vehicle_state WHERE vehicle_id LIKE 'bench-ingest-%'");
    db.execute(sql.toArray(String[]::new));
  }

  private void awaitReady() throws InterruptedException {
    TelemetryApi api = new TelemetryApi(o.telemetry());
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (!api.ready()) {
      if (System.nanoTime() > deadline) {
        throw new BenchException(
            "telemetry-service is not ready at "
                + o.telemetry()
                + " after 120 s; see .dozor/logs/telemetry.log");
      }
      Thread.sleep(500);
    }
  }

  // ------------------------------------------------------------------ track, coverage, growth

  private List<TelemetryBenchReport.GrowthRow> measureQueries() throws Exception {
    TelemetryApi api = new TelemetryApi(o.telemetry());
    Path districts = o.sharedData().resolve("moscow-boundaries/mo.geojson");
    Path roads =
        o.sharedData().resolve("moscow-roads-svao-extract/graphhopper_moscow_highways.geojson");
    for (Path f : List.of(districts, roads)) {
      if (!Files.isRegularFile(f)) {
        throw new BenchException("data file missing: " + f + " (set DOZOR_SHARED_DATA)");
      }
    }
    progress.say(
        "geography: importing %s and %s through the REST API",
        districts.getFileName(), roads.getFileName());
    progress.say(
        "geography: districts %s", TelemetryApi.excerpt(api.importGeo("districts", districts)));
    progress.say("geography: roads %s", TelemetryApi.excerpt(api.importGeo("roads", roads)));
    RoadGraph graph = db.roads();
    progress.say("geography: %,d road segments to drive on", graph.size());
    api.putVehicle(DayLoader.TRACK_VEHICLE, "Б 001 ОТ 77");
    PassTable passes;
    try (Connection c = db.open()) {
      passes = PassTable.prepare(c);
    }
    progress.say("passes: %s", passes.describe());
    if (passes.standIn()) {
      notes.add(
          "segment passes: the service has no telemetry.segment_passes (migration V5), so the"
              + " benchmark loaded its passes into a stand-in table with the agreed columns; the"
              + " coverage figures need the service's own table and endpoint");
    }
    DayLoader loader = new DayLoader(db, graph, passes, o.loadConnections(), progress);
    LocalDate day = day();
    List<TelemetryBenchReport.GrowthRow> rows = new ArrayList<>();
    DayLoader.Loaded all = new DayLoader.Loaded(0, 0, 0);
    for (int k = 1; k <= o.days(); k++) {
      LocalDate d = day.minusDays(k - 1);
      int vehicles = k == 1 ? o.vehicles() : o.growthVehicles();
      progress.say(
          "load: day %d of %d (%s): %,d vehicles at %d s + the 1 Hz track, with COPY",
          k, o.days(), d, vehicles, o.intervalS());
      DayLoader.Loaded loaded = loader.load(d, vehicles, o.intervalS(), true);
      all = all.plus(loaded);
      progress.say(
          "load: %s: %,d positions and %,d passes in %.1f s (%,.0f rows/s)",
          d, loaded.positions(), loaded.passes(), loaded.seconds(), loaded.rowsPerS());
      if (o.growthAt().contains(k)) {
        // A live system's insert-only daily partitions are vacuumed by autovacuum within minutes
        // (autovacuum_vacuum_insert_threshold, PostgreSQL 13+): that sets the visibility map the
        // index-only scans of the coverage query rely on. A bulk load queried at once has none.
        progress.say("vacuum: VACUUM (ANALYZE) of the loaded tables, as autovacuum does live");
        db.execute("VACUUM (ANALYZE) telemetry.positions", "VACUUM (ANALYZE) " + PassTable.TABLE);
        rows.add(timeQueries(api, k, day, all));
      }
    }
    notes.add(
        String.format(
            Locale.ROOT,
            "bulk loads (COPY, %d streams, positions and passes together): %,d positions and %,d"
                + " passes in %.0f s (%,.0f rows/s); VACUUM (ANALYZE) ran after each load before"
                + " timing, as autovacuum does on a live system's insert-only partitions",
            o.loadConnections(),
            all.positions(),
            all.passes(),
            all.seconds(),
            all.rowsPerS()));
    return rows;
  }

  private TelemetryBenchReport.GrowthRow timeQueries(
      TelemetryApi api, int days, LocalDate day, DayLoader.Loaded stored) {
    String from = day.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    String to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    String allFrom = day.minusDays(days - 1L).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    progress.say(
        "queries with %d day(s) stored: track, coverage of the day, coverage of all days", days);
    QueryTiming track =
        api.time(
            "track 24 h",
            "/api/v1/vehicles/" + DayLoader.TRACK_VEHICLE + "/track?from=" + from + "&to=" + to,
            o.warmUp(),
            o.trackRequests());
    say(track);
    QueryTiming coverageDay =
        api.time(
            "coverage district-day",
            "/api/v1/coverage?district=" + o.district() + "&from=" + from + "&to=" + to,
            o.warmUp(),
            o.coverageRequests());
    say(coverageDay);
    QueryTiming coverageAll =
        days == 1
            ? coverageDay
            : api.time(
                "coverage district, " + days + " days",
                "/api/v1/coverage?district=" + o.district() + "&from=" + allFrom + "&to=" + to,
                o.warmUp(),
                Math.max(3, o.coverageRequests() / 2));
    if (days > 1) {
      say(coverageAll);
    }
    return new TelemetryBenchReport.GrowthRow(
        days, stored.positions(), stored.passes(), track, coverageDay, coverageAll);
  }

  private void say(QueryTiming q) {
    if (q.ok()) {
      progress.say(
          "  %s: %s, %,d bytes, %d features",
          q.name(), TelemetryBenchReport.latency(q.ms()), q.bytes(), q.features());
    } else {
      progress.say("  %s: not measured: %s", q.name(), q.detail());
    }
  }
}
