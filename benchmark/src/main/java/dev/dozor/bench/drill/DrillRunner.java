package dev.dozor.bench.drill;

import dev.dozor.bench.load.AckLedger;
import dev.dozor.bench.load.LoadConfig;
import dev.dozor.bench.load.LoadDriver;
import dev.dozor.bench.load.LoadStats;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Runs the drills of {@link DrillOptions} under load and writes the report. */
final class DrillRunner {
  private static final Duration SAMPLE_EVERY = Duration.ofMillis(500);
  private static final Duration KAFKA_STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration UP_TIMEOUT = Duration.ofMinutes(5);

  private final DrillOptions o;
  private final PrintStream out;
  private final Platform platform;
  private final AckLedger ledger = new AckLedger();
  private final StoreCheck store;
  private final DispatchClient dispatch;
  private long threshold;
  private long previousAcknowledged;
  private long previousLost;
  private long previousUnauthorized;
  private EpisodeCheck.Result previousEpisodes = EpisodeCheck.Result.EMPTY;

  DrillRunner(DrillOptions o, PrintStream out) {
    this.o = o;
    this.out = out;
    Map<String, Platform.Service> services = new LinkedHashMap<>();
    services.put("gateway", new Platform.Service("gateway", o.gateway()));
    services.put("telemetry", new Platform.Service("telemetry", o.telemetry()));
    services.put("rules", new Platform.Service("rules", o.rules()));
    services.put("dispatch", new Platform.Service("dispatch", o.dispatch()));
    this.platform = new Platform(o.root(), o.stateDir(), services);
    this.store = new StoreCheck(o.jdbcUrl(), o.dbUser(), o.dbPassword());
    this.dispatch = new DispatchClient(o.dispatch(), o.dispatcherPassword());
  }

  int run() throws Exception {
    Duration planned = o.warmup().plus(Duration.ofMinutes(4).multipliedBy(o.drills().size() + 1));
    LoadConfig config =
        LoadConfig.defaults(o.gateway(), o.telemetry(), o.prefix())
            .withVehicles(o.vehicles(), Math.min(o.offenders(), o.vehicles()))
            .withRate(o.rate())
            .withBatching(o.batch(), o.inFlight());
    config =
        config.withClock(
            config.fixInterval(),
            LoadConfig.backlogFor(o.rate(), o.vehicles(), config.fixInterval(), planned));
    List<DrillRow> rows = new ArrayList<>();
    String loadLine =
        String.format(
            Locale.ROOT,
            "%d vehicles (%d SPD-001 offenders), %.0f points/s in batches of %d, at most %d"
                + " requests in flight, a fix every %d s of simulated time (%.1f× real time),"
                + " vehicle prefix `%s`",
            config.vehicles(),
            config.offenders(),
            config.ratePerSecond(),
            config.batchSize(),
            config.maxInFlight(),
            config.fixInterval().toSeconds(),
            config.speedup(),
            config.prefix());
    say("load: " + loadLine);
    try (LagProbe lag = new LagProbe(o.kafka());
        LoadDriver driver =
            new LoadDriver(config, ledger, m -> say(m.replaceFirst("^load: ", "load: ")))) {
      driver.start();
      say(
          "the gateway accepts all "
              + config.vehicles()
              + " vehicles; warming up for "
              + secs(o.warmup()));
      Thread.sleep(o.warmup().toMillis());
      threshold = o.lagThreshold() > 0 ? o.lagThreshold() : baselineThreshold(lag, driver);
      say("normal lag: at most " + threshold + " points (dozor-telemetry lag and black boxes)");
      rows.add(verify("baseline (no fault)", null, null, 0, 0, driver, lag));
      for (String component : o.drills()) {
        rows.add(drill(component, driver, lag));
      }
      LoadStats stats = driver.stats();
      say(
          String.format(
              Locale.ROOT,
              "load totals: %,d generated, %,d acknowledged, %,d retried, %,d refused, %,d"
                  + " unauthorized",
              stats.generated(),
              stats.acknowledged(),
              stats.retried(),
              stats.refused(),
              stats.unauthorized()));
    }
    String md =
        DrillReport.markdown(
            machine(),
            ZonedDateTime.now()
                .truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
            loadLine,
            threshold,
            rows);
    out.println();
    out.println(md);
    Files.createDirectories(o.output().getParent());
    Files.writeString(o.output(), md);
    say("report written to " + o.output());
    boolean failed = rows.stream().anyMatch(r -> r.pointsFailed() || r.episodesFailed());
    return failed ? 1 : 0;
  }

  private long baselineThreshold(LagProbe lag, LoadDriver driver) throws InterruptedException {
    long maxLag = 0;
    long maxBuffered = 0;
    for (int i = 0; i < 10; i++) {
      maxLag = Math.max(maxLag, lag.telemetryLag().orElse(0));
      maxBuffered = Math.max(maxBuffered, driver.stats().buffered());
      Thread.sleep(1000);
    }
    say(
        "steady state: dozor-telemetry lag up to "
            + maxLag
            + ", black boxes up to "
            + maxBuffered
            + " points");
    return Math.max(2 * Math.max(maxLag, maxBuffered), (long) o.rate());
  }

  // ------------------------------------------------------------------ one drill

  private DrillRow drill(String component, LoadDriver driver, LagProbe lag) throws Exception {
    boolean service = !component.equals("kafka") && !component.equals("postgres");
    String name = service ? "kill -9 " + component : "restart " + component;
    List<String> notes = new ArrayList<>();
    Optional<Long> pid = platform.pid(component);
    if (pid.isEmpty()) {
      say(
          "drill: "
              + name
              + " skipped: no live PID in "
              + platform.pidFile(component)
              + " (an external server, or not started by bin/dozor)");
      return new DrillRow(
          name + " (skipped)",
          null,
          null,
          0,
          0,
          0,
          null,
          null,
          0,
          EpisodeCheck.Result.EMPTY,
          List.of("no PID recorded by bin/dozor"));
    }
    Monitor monitor = new Monitor(component, service, driver, lag);
    long t0 = System.nanoTime();
    monitor.start(t0);
    if (service) {
      say("drill: kill -9 " + component + " (pid " + pid.get() + ")");
      platform.kill9(pid.get());
      platform.awaitExit(pid.get(), Duration.ofSeconds(10));
    } else {
      say(
          "drill: stopping "
              + component
              + " (pid "
              + pid.get()
              + (component.equals("postgres") ? ", fast shutdown" : ", SIGTERM")
              + ")");
      platform.stop(component, pid.get());
      if (!platform.awaitExit(pid.get(), KAFKA_STOP_TIMEOUT)) {
        notes.add(component + " did not stop within " + secs(KAFKA_STOP_TIMEOUT) + "; killed");
        platform.kill9(pid.get());
        platform.awaitExit(pid.get(), Duration.ofSeconds(10));
      }
      say(String.format(Locale.ROOT, "drill: %s stopped after %.1f s", component, since(t0)));
    }
    Thread.sleep(o.outage().toMillis());
    say("drill: restarting with bin/dozor up --no-sim");
    monitor.upStarted();
    try {
      platform.up(UP_TIMEOUT);
    } catch (IOException e) {
      notes.add("bin/dozor up failed: " + e.getMessage());
      say("drill: " + e.getMessage());
    }
    monitor.upFinished();
    monitor.awaitRecovered(o.recoveryTimeout());
    monitor.stop();
    Double ready = monitor.readyAfterS;
    Double normal = monitor.lagNormalAfterS;
    say(
        String.format(
            Locale.ROOT,
            "drill: %s ready after %s, lag normal after %s (max lag %,d, max buffered %,d)",
            component,
            DrillReport.seconds(ready),
            DrillReport.seconds(normal),
            monitor.maxLag,
            monitor.maxBuffered));
    if (normal == null) {
      notes.add("lag not back under " + threshold + " within " + secs(o.recoveryTimeout()));
    }
    Thread.sleep(o.settle().toMillis());
    DrillRow row = verify(name, ready, normal, monitor.maxLag, monitor.maxBuffered, driver, lag);
    List<String> all = new ArrayList<>(notes);
    all.addAll(row.notes());
    return new DrillRow(
        row.drill(),
        ready,
        normal,
        row.maxLag(),
        row.maxBuffered(),
        row.acknowledgedDelta(),
        row.store(),
        row.episodes(),
        row.lostSincePrevious(),
        row.episodesSincePrevious(),
        all);
  }

  /** Pauses the load, waits until everything is acknowledged and consumed, compares, resumes. */
  private DrillRow verify(
      String name,
      Double ready,
      Double normal,
      long maxLag,
      long maxBuffered,
      LoadDriver driver,
      LagProbe lag)
      throws Exception {
    List<String> notes = new ArrayList<>();
    long t0 = System.nanoTime();
    driver.setRate(0);
    say(
        "check: load paused; waiting until every black box is acknowledged and the pipeline drained");
    if (!driver.awaitQuiescent(o.drainTimeout())) {
      notes.add(
          driver.stats().buffered()
              + " points still unacknowledged after "
              + secs(o.drainTimeout()));
    }
    long deadline = System.nanoTime() + o.drainTimeout().toNanos();
    boolean drained = false;
    while (System.nanoTime() < deadline) {
      if (lag.drained()) {
        drained = true;
        break;
      }
      Thread.sleep(500);
    }
    if (!drained) {
      notes.add(
          "pipeline not drained after "
              + secs(o.drainTimeout())
              + " (lag: "
              + lag.describe()
              + ")");
    }
    StoreCheck.Result st = null;
    try {
      st = store.check(o.prefix(), ledger);
    } catch (Exception e) {
      notes.add("cannot read telemetry.positions: " + e.getMessage());
    }
    EpisodeCheck.Result episodes = EpisodeCheck.Result.EMPTY;
    try {
      for (String vehicle : driver.offenderIds()) {
        List<Spd001Episodes.Fix> fixes =
            ledger.flaggedPoints(vehicle).stream()
                .map(
                    a ->
                        new Spd001Episodes.Fix(
                            a.point().fixTime(),
                            Spd001Episodes.violating(
                                a.point().equipment().plough(), a.point().speedKmh())))
                .toList();
        episodes =
            episodes.plus(
                EpisodeCheck.compare(
                    vehicle, Spd001Episodes.expected(fixes), dispatch.spd001(vehicle)));
      }
    } catch (Exception e) {
      episodes = null;
      notes.add("cannot read violations from dispatch-service: " + e.getMessage());
    }
    driver.setRate(o.rate());
    long delta = st == null ? 0 : st.acknowledged() - previousAcknowledged;
    if (st != null) {
      previousAcknowledged = st.acknowledged();
    }
    long unauthorized = ledger.unauthorizedCount() - previousUnauthorized;
    previousUnauthorized = ledger.unauthorizedCount();
    if (unauthorized > 0) {
      notes.add(
          "the gateway answered 401 for "
              + unauthorized
              + " points of devices it had accepted before (kept and retried by the load)");
    }
    long lostHere = st == null ? 0 : st.lost() - previousLost;
    EpisodeCheck.Result episodesHere = episodes == null ? null : episodes.since(previousEpisodes);
    if (episodesHere != null) {
      notes.addAll(episodesHere.problems());
      previousEpisodes = episodes;
    }
    if (st != null) {
      previousLost = st.lost();
    }
    DrillRow row =
        new DrillRow(
            name,
            ready,
            normal,
            maxLag,
            maxBuffered,
            delta,
            st,
            episodes,
            lostHere,
            episodesHere,
            notes);
    say(
        String.format(
            Locale.ROOT,
            "check: %s: acknowledged %s, stored %s, lost %s, duplicated %s; SPD-001 expected %s, raised %s,"
                + " lost %s, doubled %s, other %s (%.1f s); load resumed",
            name,
            st == null ? "?" : DrillReport.fmt(st.acknowledged()),
            st == null ? "?" : DrillReport.fmt(st.storedDistinct()),
            st == null ? "?" : DrillReport.fmt(st.lost()),
            st == null ? "?" : DrillReport.fmt(st.duplicated()),
            episodes == null ? "?" : episodes.expected(),
            episodes == null ? "?" : episodes.raised(),
            episodes == null ? "?" : episodes.lost(),
            episodes == null ? "?" : episodes.doubled(),
            episodes == null ? "?" : episodes.shifted() + episodes.spurious() + episodes.unclosed(),
            since(t0)));
    for (String n : notes) {
      say("check:   " + n);
    }
    return row;
  }

  /** Samples readiness, lag and black boxes during one drill. */
  private final class Monitor {
    private final String component;
    private final boolean service;
    private final LoadDriver driver;
    private final LagProbe lag;
    private Thread thread;
    private long t0;
    private volatile boolean upStarted;
    private volatile boolean upFinished;
    volatile Double readyAfterS;
    volatile Double lagNormalAfterS;
    volatile long maxLag;
    volatile long maxBuffered;

    Monitor(String component, boolean service, LoadDriver driver, LagProbe lag) {
      this.component = component;
      this.service = service;
      this.driver = driver;
      this.lag = lag;
    }

    void start(long t0) {
      this.t0 = t0;
      thread = new Thread(this::loop, "drill-monitor");
      thread.setDaemon(true);
      thread.start();
    }

    void upStarted() {
      upStarted = true;
    }

    void upFinished() {
      upFinished = true;
    }

    private void loop() {
      long lastReport = System.nanoTime();
      while (!Thread.currentThread().isInterrupted()) {
        OptionalLong l = lag.telemetryLag();
        long buffered = driver.stats().buffered();
        maxBuffered = Math.max(maxBuffered, buffered);
        if (l.isPresent()) {
          maxLag = Math.max(maxLag, l.getAsLong());
        }
        if (readyAfterS == null && upStarted) {
          boolean ready =
              service
                  ? platform.ready(platform.service(component))
                  : upFinished && platform.allReady();
          if (ready) {
            readyAfterS = since(t0);
          }
        }
        if (readyAfterS != null
            && lagNormalAfterS == null
            && l.isPresent()
            && l.getAsLong() <= threshold
            && buffered <= threshold) {
          lagNormalAfterS = since(t0);
        }
        if (System.nanoTime() - lastReport > Duration.ofSeconds(10).toNanos()) {
          lastReport = System.nanoTime();
          say(
              String.format(
                  Locale.ROOT,
                  "drill:   %.0f s: lag %s, black boxes %,d points",
                  since(t0),
                  l.isPresent() ? Long.toString(l.getAsLong()) : "?",
                  buffered));
        }
        try {
          Thread.sleep(SAMPLE_EVERY.toMillis());
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void awaitRecovered(Duration timeout) throws InterruptedException {
      long deadline = t0 + timeout.toNanos();
      while (System.nanoTime() < deadline && (readyAfterS == null || lagNormalAfterS == null)) {
        Thread.sleep(100);
      }
    }

    void stop() throws InterruptedException {
      thread.interrupt();
      thread.join(5000);
    }
  }

  // ------------------------------------------------------------------ helpers

  private void say(String line) {
    out.println(
        line.startsWith("drill") || line.startsWith("check") || line.startsWith("load")
            ? line
            : "drill: " + line);
    out.flush();
  }

  private static double since(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static String secs(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  static String machine() {
    long memKb = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          memKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException ignored) {
      // not Linux
    }
    String cpu = "";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .map(l -> l.substring(l.indexOf(':') + 1).trim())
              .findFirst()
              .orElse("");
    } catch (IOException ignored) {
      // not Linux
    }
    return String.format(
            Locale.ROOT,
            "%d cores%s, %.1f GiB RAM, %s %s, Java %s",
            Runtime.getRuntime().availableProcessors(),
            cpu.isEmpty() ? "" : " (" + cpu + ")",
            memKb / 1024.0 / 1024.0,
            System.getProperty("os.name"),
            System.getProperty("os.version"),
            System.getProperty("java.version"))
        .replace("|", "/");
  }
}
