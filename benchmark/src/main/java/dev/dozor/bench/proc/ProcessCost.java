package dev.dozor.bench.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * CPU seconds and peak memory of the platform's processes, read from {@code /proc}. JVMs (the four
 * services, Kafka, the benchmark itself) report their own {@code VmHWM}; PostgreSQL is the
 * postmaster plus every child (backends, WAL writer, checkpointer…), CPU including reaped children,
 * memory as the sum of the children's {@code VmRSS} at the sample (shared buffers are counted in
 * each process that touched them, so this overstates).
 */
public final class ProcessCost {
  /** Components in report order. */
  public static final List<String> COMPONENTS =
      List.of("gateway", "telemetry", "rules", "dispatch", "kafka", "postgres", "bench");

  private final Path stateDir;
  private final long clockTicks;
  private final Map<String, Long> peakRss = new LinkedHashMap<>();

  public ProcessCost(Path stateDir) {
    this.stateDir = stateDir;
    this.clockTicks = clockTicks();
  }

  /**
   * CPU and memory of one component at one moment.
   *
   * @param component name from {@link #COMPONENTS}
   * @param pid main PID, or -1 when not running
   * @param cpuSeconds user + system CPU since the process started
   * @param rssBytes resident memory now (summed over processes for PostgreSQL)
   * @param hwmBytes peak resident memory the kernel recorded (JVMs), else -1
   */
  public record Reading(
      String component, long pid, double cpuSeconds, long rssBytes, long hwmBytes) {}

  /** Reads every component now; components that are not running read pid -1. */
  public Map<String, Reading> sample() {
    Map<String, Reading> readings = new LinkedHashMap<>();
    for (String c : COMPONENTS) {
      Reading r = read(c);
      readings.put(c, r);
      long mem = Math.max(r.rssBytes(), r.hwmBytes());
      peakRss.merge(c, mem, Math::max);
    }
    return readings;
  }

  /** Largest memory seen per component over all samples (VmHWM for JVMs, summed VmRSS for PG). */
  public Map<String, Long> peakRss() {
    return Map.copyOf(peakRss);
  }

  private Reading read(String component) {
    try {
      long pid = pidOf(component);
      if (pid <= 0 || !Files.exists(Path.of("/proc", Long.toString(pid)))) {
        return new Reading(component, -1, 0, 0, -1);
      }
      if (component.equals("postgres")) {
        return readPostgres(pid);
      }
      ProcParser.Stat stat = ProcParser.parseStat(Files.readString(procFile(pid, "stat")));
      String status = Files.readString(procFile(pid, "status"));
      return new Reading(
          component,
          pid,
          (double) stat.ownTicks() / clockTicks,
          ProcParser.kbField(status, "VmRSS").orElse(0),
          ProcParser.kbField(status, "VmHWM").orElse(-1));
    } catch (IOException | RuntimeException e) {
      return new Reading(component, -1, 0, 0, -1);
    }
  }

  private Reading readPostgres(long postmaster) throws IOException {
    ProcParser.Stat main = ProcParser.parseStat(Files.readString(procFile(postmaster, "stat")));
    long ticks = main.withReapedChildrenTicks();
    long rss =
        ProcParser.kbField(Files.readString(procFile(postmaster, "status")), "VmRSS").orElse(0);
    for (ProcParser.Stat child : childrenOf(postmaster)) {
      ticks += child.ownTicks();
      try {
        rss +=
            ProcParser.kbField(Files.readString(procFile(child.pid(), "status")), "VmRSS")
                .orElse(0);
      } catch (IOException e) {
        // the backend ended between listing and reading
      }
    }
    return new Reading("postgres", postmaster, (double) ticks / clockTicks, rss, -1);
  }

  private static List<ProcParser.Stat> childrenOf(long parent) throws IOException {
    List<ProcParser.Stat> children = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String name = p.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          ProcParser.Stat s = ProcParser.parseStat(Files.readString(p.resolve("stat")));
          if (s.ppid() == parent) {
            children.add(s);
          }
        } catch (IOException | RuntimeException e) {
          // gone meanwhile
        }
      }
    }
    return children;
  }

  private long pidOf(String component) throws IOException {
    Path file =
        switch (component) {
          case "bench" -> null;
          case "kafka" -> stateDir.resolve("kafka/pid");
          case "postgres" -> stateDir.resolve("pg/data/postmaster.pid");
          default -> stateDir.resolve("run/" + component + ".pid");
        };
    if (file == null) {
      return ProcessHandle.current().pid();
    }
    if (!Files.exists(file)) {
      return -1;
    }
    return ProcParser.firstLinePid(Files.readString(file));
  }

  private static Path procFile(long pid, String name) {
    return Path.of("/proc", Long.toString(pid), name);
  }

  /** {@code getconf CLK_TCK}, 100 when it cannot be asked (the Linux default). */
  private static long clockTicks() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor();
      return Long.parseLong(out);
    } catch (IOException | RuntimeException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }

  /** Peak memory reading of a component, absent when never seen. */
  public OptionalLong peak(String component) {
    Long v = peakRss.get(component);
    return v == null || v <= 0 ? OptionalLong.empty() : OptionalLong.of(v);
  }
}
