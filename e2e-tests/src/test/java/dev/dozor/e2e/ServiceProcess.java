package dev.dozor.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged Quarkus service run as a child process, with its log in a file. It can be killed
 * with SIGKILL ({@link #kill9()}) and started again on the same port ({@link #restart()}).
 */
final class ServiceProcess implements AutoCloseable {
  private final String name;
  private final int port;
  private final Path log;
  private final ProcessBuilder builder;
  private volatile Process process;

  private ServiceProcess(String name, int port, Path log, ProcessBuilder builder)
      throws IOException {
    this.name = name;
    this.port = port;
    this.log = log;
    this.builder = builder;
    this.process = builder.start();
  }

  static ServiceProcess start(
      String name, Path jar, int port, String portVariable, Map<String, String> env, Path logDir)
      throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar
              + " is missing: package the services first (mvn verify builds them before this test)");
    }
    Files.createDirectories(logDir);
    Path log = logDir.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    javaBinary(),
                    "-Xmx256m",
                    "-XX:+ExitOnOutOfMemoryError",
                    "-jar",
                    jar.toString()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Files.deleteIfExists(log);
    builder.environment().putAll(env);
    builder.environment().put(portVariable, Integer.toString(port));
    return new ServiceProcess(name, port, log, builder);
  }

  /** SIGKILL ({@link Process#destroyForcibly()} on Linux), waiting until the process is gone. */
  synchronized void kill9() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + " survived SIGKILL for 30 s");
    }
  }

  /** Starts the service again with the same command, environment and port (log appended). */
  synchronized void restart() throws IOException {
    if (process.isAlive()) {
      throw new IllegalStateException(name + " is still running (pid " + process.pid() + ")");
    }
    process = builder.start();
  }

  long pid() {
    return process.pid();
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  String name() {
    return name;
  }

  /** Waits until /q/health/ready answers 200; fails with the log tail if the process dies. */
  void awaitReady(HttpClient http, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited during start-up:\n" + logTail());
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // starting
      }
      Thread.sleep(300);
    }
    throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + logTail());
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public synchronized void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
