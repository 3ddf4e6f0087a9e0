package dev.dozor.bench.drill;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The platform {@code bin/dozor up} runs, seen through its state directory: PID files, health
 * endpoints, and {@code bin/dozor up --no-sim} to restart whatever is dead. Only PIDs recorded by
 * bin/dozor are ever signalled.
 */
final class Platform {
  /** A service of the center. */
  record Service(String name, URI baseUrl) {}

  private final Path root;
  private final Path stateDir;
  private final Map<String, Service> services;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  Platform(Path root, Path stateDir, Map<String, Service> services) {
    this.root = root;
    this.stateDir = stateDir;
    this.services = services;
  }

  Service service(String name) {
    Service s = services.get(name);
    if (s == null) {
      throw new IllegalArgumentException(
          "unknown service " + name + "; one of " + services.keySet());
    }
    return s;
  }

  Iterable<Service> services() {
    return services.values();
  }

  /** PID file of a component: a service, {@code kafka} or {@code postgres}. */
  Path pidFile(String component) {
    return switch (component) {
      case "kafka" -> stateDir.resolve("kafka/pid");
      case "postgres" -> stateDir.resolve("pg/data/postmaster.pid");
      default -> stateDir.resolve("run/" + component + ".pid");
    };
  }

  /** The live PID of a component, if bin/dozor recorded one. */
  Optional<Long> pid(String component) {
    try {
      Path file = pidFile(component);
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      String first = Files.readAllLines(file).stream().findFirst().orElse("").trim();
      long pid = Long.parseLong(first);
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** SIGKILL. */
  void kill9(long pid) {
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
  }

  /** SIGTERM, or SIGINT for PostgreSQL (its fast shutdown; SIGTERM would wait for clients). */
  void stop(String component, long pid) throws IOException, InterruptedException {
    if ("postgres".equals(component)) {
      Process p = new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
      p.waitFor(10, TimeUnit.SECONDS);
    } else {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }
  }

  /** Waits until the process is gone; true if it exited within {@code timeout}. */
  boolean awaitExit(long pid, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  /**
   * Runs {@code bin/dozor up --no-sim} (restarts only what is dead), output appended to {@code
   * <state>/logs/drill-up.log}.
   *
   * @throws IOException when it fails; the message carries the last lines of its output
   */
  void up(Duration timeout) throws IOException, InterruptedException {
    Path log = stateDir.resolve("logs/drill-up.log");
    Files.createDirectories(log.getParent());
    long offset = Files.exists(log) ? Files.size(log) : 0;
    ProcessBuilder builder =
        new ProcessBuilder(root.resolve("bin/dozor").toString(), "up", "--no-sim")
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("DOZOR_STATE_DIR", stateDir.toString());
    Process p = builder.start();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.destroy();
      throw new IOException(
          "bin/dozor up did not finish in " + timeout.toSeconds() + " s: " + tail(log, offset));
    }
    if (p.exitValue() != 0) {
      throw new IOException(
          "bin/dozor up failed (exit " + p.exitValue() + "): " + tail(log, offset));
    }
  }

  private static String tail(Path log, long offset) {
    try {
      byte[] all = Files.readAllBytes(log);
      String text =
          new String(
              all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset));
      List<String> lines = text.lines().toList();
      return String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Whether {@code /q/health/ready} of the service answers 200. */
  boolean ready(Service s) {
    try {
      HttpRequest r =
          HttpRequest.newBuilder(URI.create(s.baseUrl() + "/q/health/ready"))
              .timeout(Duration.ofSeconds(2))
              .build();
      return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  boolean allReady() {
    for (Service s : services.values()) {
      if (!ready(s)) {
        return false;
      }
    }
    return true;
  }
}
