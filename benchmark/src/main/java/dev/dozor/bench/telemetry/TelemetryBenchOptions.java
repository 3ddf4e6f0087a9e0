package dev.dozor.bench.telemetry;

import dev.dozor.bench.BenchOptions.UsageException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Options of {@code bin/dozor bench telemetry}. bin/dozor runs the benchmark in three phases
 * ({@code --phase produce}: the Kafka backlog, with the service stopped; {@code measure}: all the
 * measurements, with the service started; {@code cleanup}: the bench topics) and passes the
 * platform's addresses; the user gives the volumes.
 *
 * @param phase produce, measure or cleanup
 * @param points points of the ingest backlog
 * @param ingestVehicles vehicles the ingest backlog comes from
 * @param vehicles fleet of the full-volume district-day (coverage)
 * @param intervalS seconds between fixes of the fleet
 * @param days stored days at the end of the growth measurement
 * @param growthVehicles fleet of each day other than the full-volume one
 * @param growthAt stored-day counts at which the queries are timed (ascending, the last = days)
 * @param trackRequests timed track requests
 * @param coverageRequests timed coverage requests
 * @param warmUp untimed requests before each timed series
 * @param district district (OKTMO) of the coverage query
 * @param loadConnections parallel COPY streams of the bulk loads
 * @param unnestBatch rows per unnest statement (the consumer's max.poll.records)
 * @param quick the smoke-run volumes
 */
public record TelemetryBenchOptions(
    String phase,
    URI telemetry,
    String jdbcUrl,
    String dbUser,
    String dbPassword,
    String kafka,
    String topic,
    String registryTopic,
    Path stateDir,
    Path docsDir,
    Path sharedData,
    long points,
    int ingestVehicles,
    int vehicles,
    int intervalS,
    int days,
    int growthVehicles,
    List<Integer> growthAt,
    int trackRequests,
    int coverageRequests,
    int warmUp,
    String district,
    int loadConnections,
    int unnestBatch,
    boolean quick) {

  public static final String USAGE =
      """
      usage: bin/dozor bench telemetry [options]
        --points 2000000          points of the ingest backlog (consumer -> PostGIS, vs COPY and unnest)
        --ingest-vehicles 1000    vehicles of the ingest backlog (10 s fixes)
        --vehicles 1000           fleet of the full-volume district-day (10 s fixes over the SVAO roads)
        --days 30                 stored days at the end of the growth measurement
        --growth-vehicles 100     fleet of each other day (plus the 1 Hz track vehicle every day)
        --growth-at 1,7,14,30     stored-day counts at which track and coverage are timed
        --track-requests 20       timed track requests (after --warm-up untimed ones)
        --coverage-requests 10    timed coverage requests
        --warm-up 3               untimed requests before each series
        --district 45358000       OKTMO of the coverage district (Ostankinsky)
        --load-connections 2      parallel COPY streams of the bulk loads
        --quick                   smoke run: 100,000 points, 100 vehicles, 3 days, 5 timed requests
      """;

  public static TelemetryBenchOptions parse(String[] args) {
    String phase = "measure";
    URI telemetry = URI.create("http://127.0.0.1:18081");
    String jdbcUrl = "jdbc:postgresql://127.0.0.1:55432/dozor_bench";
    String dbUser = "dozor";
    String dbPassword = "dozor";
    String kafka = "127.0.0.1:59092";
    String topic = "dozor.bench.telemetry.v1";
    String registryTopic = "dozor.bench.registry.v1";
    Path stateDir = Path.of(".dozor");
    Path docsDir = Path.of("docs");
    Path sharedData = Path.of("../shared/data");
    boolean quick = false;
    for (String a : args) {
      if (a.equals("--quick")) {
        quick = true;
      }
    }
    long points = quick ? 100_000 : 2_000_000;
    int ingestVehicles = quick ? 200 : 1000;
    int vehicles = quick ? 100 : 1000;
    int intervalS = 10;
    int days = quick ? 3 : 30;
    int growthVehicles = quick ? 20 : 100;
    List<Integer> growthAt = null;
    int trackRequests = quick ? 5 : 20;
    int coverageRequests = quick ? 5 : 10;
    int warmUp = quick ? 1 : 3;
    String district = "45358000";
    int loadConnections = 2;
    int unnestBatch = 5000;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--quick")) {
        continue;
      }
      if (a.equals("--help") || a.equals("-h")) {
        throw new UsageException(USAGE);
      }
      if (i + 1 >= args.length) {
        throw new UsageException("option " + a + " needs a value\n" + USAGE);
      }
      String v = args[++i];
      try {
        switch (a) {
          case "--phase" -> phase = v;
          case "--telemetry" -> telemetry = URI.create(v);
          case "--jdbc-url" -> jdbcUrl = v;
          case "--db-user" -> dbUser = v;
          case "--db-password" -> dbPassword = v;
          case "--kafka" -> kafka = v;
          case "--topic" -> topic = v;
          case "--registry-topic" -> registryTopic = v;
          case "--state-dir" -> stateDir = Path.of(v);
          case "--root" -> docsDir = Path.of(v).resolve("docs");
          case "--shared-data" -> sharedData = Path.of(v);
          case "--points" -> points = positive(a, v);
          case "--ingest-vehicles" -> ingestVehicles = (int) positive(a, v);
          case "--vehicles" -> vehicles = (int) positive(a, v);
          case "--interval" -> intervalS = (int) positive(a, v);
          case "--days" -> days = (int) positive(a, v);
          case "--growth-vehicles" -> growthVehicles = (int) positive(a, v);
          case "--growth-at" -> growthAt = dayList(a, v);
          case "--track-requests" -> trackRequests = (int) positive(a, v);
          case "--coverage-requests" -> coverageRequests = (int) positive(a, v);
          case "--warm-up" -> warmUp = Integer.parseInt(v);
          case "--district" -> district = v;
          case "--load-connections" -> loadConnections = (int) positive(a, v);
          case "--unnest-batch" -> unnestBatch = (int) positive(a, v);
          default -> throw new UsageException("unknown option " + a + "\n" + USAGE);
        }
      } catch (RuntimeException e) {
        if (e instanceof UsageException u) {
          throw u;
        }
        throw new UsageException("bad value for " + a + ": " + v + " (" + e.getMessage() + ")");
      }
    }
    if (!List.of("produce", "measure", "cleanup").contains(phase)) {
      throw new UsageException("--phase must be produce, measure or cleanup, got " + phase);
    }
    if (86_400 % intervalS != 0) {
      throw new UsageException("--interval must divide a day (86400 s), got " + intervalS);
    }
    growthAt = growthPoints(growthAt, days);
    return new TelemetryBenchOptions(
        phase,
        telemetry,
        jdbcUrl,
        dbUser,
        dbPassword,
        kafka,
        topic,
        registryTopic,
        stateDir,
        docsDir,
        sharedData,
        points,
        ingestVehicles,
        vehicles,
        intervalS,
        days,
        growthVehicles,
        growthAt,
        trackRequests,
        coverageRequests,
        warmUp,
        district,
        loadConnections,
        unnestBatch,
        quick);
  }

  /**
   * The stored-day counts to time at: the given ones up to {@code days}, or 1, 7, 14, 30 clipped to
   * {@code days}; always 1 and {@code days} itself.
   */
  static List<Integer> growthPoints(List<Integer> given, int days) {
    TreeSet<Integer> at = new TreeSet<>();
    for (int d : given == null ? List.of(1, 7, 14, 30) : given) {
      if (d >= 1 && d <= days) {
        at.add(d);
      }
    }
    at.add(1);
    at.add(days);
    return new ArrayList<>(at);
  }

  private static List<Integer> dayList(String option, String value) {
    List<Integer> out = new ArrayList<>();
    for (String s : value.split(",")) {
      out.add((int) positive(option, s.trim()));
    }
    return out;
  }

  private static long positive(String option, String value) {
    long n = Long.parseLong(value);
    if (n < 1) {
      throw new UsageException(option + " must be at least 1, got " + n);
    }
    return n;
  }
}
