package dev.dozor.bench.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine the figures were measured on.
 *
 * @param cores processors available to the JVM
 * @param memTotalBytes {@code MemTotal} of /proc/meminfo (-1 when unreadable)
 * @param cpuModel first {@code model name} of /proc/cpuinfo
 * @param javaVersion the benchmark JVM's version
 * @param os kernel name and release
 */
public record MachineInfo(
    int cores, long memTotalBytes, String cpuModel, String javaVersion, String os) {

  public static MachineInfo detect() {
    long mem = -1;
    String model = "unknown";
    try {
      mem = ProcParser.kbField(Files.readString(Path.of("/proc/meminfo")), "MemTotal").orElse(-1);
    } catch (IOException | RuntimeException e) {
      // not Linux: leave unknown
    }
    try {
      String m = ProcParser.cpuModel(Files.readString(Path.of("/proc/cpuinfo")));
      if (m != null) {
        model = m;
      }
    } catch (IOException | RuntimeException e) {
      // leave unknown
    }
    return new MachineInfo(
        Runtime.getRuntime().availableProcessors(),
        mem,
        model,
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version"));
  }

  /**
   * The benchmark JVM's version and the {@code -XX} options it was started with, e.g. {@code
   * OpenJDK 64-Bit Server VM 25.0.3 (-XX:+UseCompactObjectHeaders)}: a JMH fork runs the same
   * binary with the same options.
   */
  public String jvmSummary() {
    java.util.List<String> xx =
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(a -> a.startsWith("-XX:"))
            .toList();
    return javaVersion + (xx.isEmpty() ? "" : " (" + String.join(" ", xx) + ")");
  }

  /** e.g. {@code 2 cores, 7.8 GiB RAM, Intel Xeon …}. */
  public String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "%d cores, %.1f GiB RAM, %s",
        cores,
        memTotalBytes / (1024.0 * 1024 * 1024),
        cpuModel);
  }
}
