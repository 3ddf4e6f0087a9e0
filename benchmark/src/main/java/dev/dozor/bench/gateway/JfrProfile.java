package dev.dozor.bench.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where the gateway's CPU goes during a phase: a Java Flight Recorder recording of the running
 * gateway (started and stopped with {@code jcmd}), summarised from its execution samples by thread
 * group and by the package of the sampled (top) frame.
 */
final class JfrProfile {
  private static final String RECORDING = "dozor-gateway-bench";

  private final long pid;
  private final Path file;

  JfrProfile(long pid, Path file) {
    this.pid = pid;
    this.file = file;
  }

  /**
   * Shares of the execution samples, largest first.
   *
   * @param byCode by the code that did the work: the first frame outside the JDK, so that e.g.
   *     {@code String} work done for Jackson counts as Jackson
   * @param topMethods the sampled (top) frames, i.e. self time
   */
  record Summary(
      int samples,
      Map<String, Double> byThread,
      Map<String, Double> byCode,
      Map<String, Double> topMethods) {
    static Summary empty() {
      return new Summary(0, Map.of(), Map.of(), Map.of());
    }
  }

  void start() throws IOException, InterruptedException {
    Files.deleteIfExists(file);
    run(
        jdkTool("jcmd"),
        Long.toString(pid),
        "JFR.start",
        "name=" + RECORDING,
        "settings=profile",
        "filename=" + file);
  }

  Summary stopAndSummarise() throws IOException, InterruptedException {
    run(jdkTool("jcmd"), Long.toString(pid), "JFR.stop", "name=" + RECORDING);
    Process p =
        new ProcessBuilder(
                jdkTool("jfr"),
                "print",
                "--events",
                "jdk.ExecutionSample",
                "--stack-depth",
                "24",
                file.toString())
            .redirectErrorStream(true)
            .start();
    Map<String, Integer> byThread = new LinkedHashMap<>();
    Map<String, Integer> byCode = new LinkedHashMap<>();
    Map<String, Integer> byMethod = new LinkedHashMap<>();
    int samples = 0;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String thread = null;
      List<String> stack = null;
      String line;
      while ((line = r.readLine()) != null) {
        String t = line.trim();
        if (t.startsWith("sampledThread = ")) {
          thread = threadGroup(t.substring("sampledThread = ".length()));
        } else if (t.startsWith("stackTrace = [")) {
          stack = new ArrayList<>();
        } else if (stack != null && t.equals("]")) {
          if (!stack.isEmpty()) {
            samples++;
            byThread.merge(thread == null ? "other" : thread, 1, Integer::sum);
            byCode.merge(codeArea(stack), 1, Integer::sum);
            byMethod.merge(method(stack.get(0)), 1, Integer::sum);
          }
          stack = null;
        } else if (stack != null && !t.startsWith("...")) {
          stack.add(t);
        }
      }
    }
    p.waitFor(60, TimeUnit.SECONDS);
    Map<String, Double> topMethods = new LinkedHashMap<>();
    shares(byMethod, samples).entrySet().stream()
        .limit(12)
        .forEach(e -> topMethods.put(e.getKey(), e.getValue()));
    return new Summary(samples, shares(byThread, samples), shares(byCode, samples), topMethods);
  }

  /** Thread names grouped by role: event loops, worker pool, Kafka producer I/O, GC... */
  static String threadGroup(String sampled) {
    String name = sampled.startsWith("\"") ? sampled.substring(1, sampled.indexOf('"', 1)) : "";
    if (name.startsWith("vert.x-eventloop")) {
      return "Vert.x event loops (network, HTTP/TCP decoding)";
    }
    if (name.startsWith("executor-thread") || name.startsWith("vert.x-worker")) {
      return "worker threads (request handling, Kafka send)";
    }
    if (name.startsWith("kafka-producer-network-thread")) {
      return "Kafka producer I/O thread (batching, compression, acks)";
    }
    if (name.startsWith("dozor-")) {
      return "gateway's own threads (" + name.replaceAll("-\\d+$", "") + ")";
    }
    return "other (" + name.replaceAll("[-#]?\\d+$", "") + ")";
  }

  /** The code area of a stack: that of its first frame outside the JDK. */
  static String codeArea(List<String> stack) {
    for (String frame : stack) {
      if (!isJdk(frame)) {
        return codeArea(frame);
      }
    }
    return "JDK only (GC, I/O, threads)";
  }

  private static boolean isJdk(String frame) {
    return frame.startsWith("java.") || frame.startsWith("jdk.") || frame.startsWith("sun.");
  }

  /** {@code a.b.C.m(Args) line: 12} without the line. */
  static String method(String frame) {
    int line = frame.indexOf(" line:");
    return line < 0 ? frame : frame.substring(0, line);
  }

  /** The package family of one frame, e.g. JSON, Kafka client, Netty. */
  static String codeArea(String frame) {
    String f = frame;
    if (f.startsWith("com.fasterxml.jackson")) {
      return "Jackson JSON";
    }
    if (f.startsWith("org.apache.kafka") || f.startsWith("net.jpountz")) {
      return "Kafka client (incl. lz4)";
    }
    if (f.startsWith("io.netty")) {
      return "Netty";
    }
    if (f.startsWith("io.vertx")) {
      return "Vert.x";
    }
    if (f.startsWith("org.jboss.resteasy") || f.startsWith("io.quarkus")) {
      return "Quarkus REST";
    }
    if (f.startsWith("dev.dozor")) {
      return "Dozor gateway code";
    }
    if (f.startsWith("sun.nio") || f.startsWith("java.nio") || f.startsWith("sun.net")) {
      return "JDK NIO";
    }
    if (f.startsWith("java.util.zip") || f.startsWith("sun.security")) {
      return "JDK zip/crypto";
    }
    if (f.startsWith("io.smallrye.mutiny")) {
      return "Mutiny";
    }
    if (f.startsWith("java.") || f.startsWith("jdk.") || f.startsWith("sun.")) {
      return "JDK (collections, strings, time)";
    }
    return "other";
  }

  private static Map<String, Double> shares(Map<String, Integer> counts, int total) {
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : sorted) {
      out.put(e.getKey(), total == 0 ? 0 : (double) e.getValue() / total);
    }
    return out;
  }

  private static String jdkTool(String name) {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path sibling = Path.of(java).resolveSibling(name);
    return Files.isExecutable(sibling) ? sibling.toString() : name;
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out.strip());
    }
  }
}
