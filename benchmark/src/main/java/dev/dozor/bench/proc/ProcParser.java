package dev.dozor.bench.proc;

import java.util.OptionalLong;

/** Pure parsers of Linux {@code /proc} text, so they are tested on sample text. */
public final class ProcParser {
  private ProcParser() {}

  /**
   * The fields of {@code /proc/<pid>/stat} the benchmark needs, in clock ticks.
   *
   * @param pid process id
   * @param ppid parent process id
   * @param utime user time
   * @param stime system time
   * @param cutime user time of waited-for children
   * @param cstime system time of waited-for children
   */
  public record Stat(long pid, long ppid, long utime, long stime, long cutime, long cstime) {
    public long ownTicks() {
      return utime + stime;
    }

    public long withReapedChildrenTicks() {
      return utime + stime + cutime + cstime;
    }
  }

  /**
   * Parses one {@code /proc/<pid>/stat} line. The command name (field 2) is in parentheses and may
   * itself contain spaces and parentheses, so fields are counted from the last ')'.
   */
  public static Stat parseStat(String line) {
    int close = line.lastIndexOf(')');
    int open = line.indexOf('(');
    if (open < 0 || close < open) {
      throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + abbreviate(line));
    }
    long pid = Long.parseLong(line.substring(0, open).trim());
    // after ')': field 3 (state) is index 0, so field n is index n - 3
    String[] f = line.substring(close + 1).trim().split("\\s+");
    if (f.length < 15) {
      throw new IllegalArgumentException("too few fields in /proc/<pid>/stat: " + abbreviate(line));
    }
    return new Stat(
        pid,
        Long.parseLong(f[4 - 3]),
        Long.parseLong(f[14 - 3]),
        Long.parseLong(f[15 - 3]),
        Long.parseLong(f[16 - 3]),
        Long.parseLong(f[17 - 3]));
  }

  /** A {@code kB} field of {@code /proc/<pid>/status} or {@code /proc/meminfo}, in bytes. */
  public static OptionalLong kbField(String text, String field) {
    for (String line : text.split("\n")) {
      if (line.startsWith(field + ":")) {
        String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
        long value = Long.parseLong(parts[0]);
        boolean kb = parts.length > 1 && parts[1].equalsIgnoreCase("kB");
        return OptionalLong.of(kb ? value * 1024 : value);
      }
    }
    return OptionalLong.empty();
  }

  /** The first {@code model name} of {@code /proc/cpuinfo}, or null. */
  public static String cpuModel(String cpuinfo) {
    for (String line : cpuinfo.split("\n")) {
      if (line.startsWith("model name")) {
        int colon = line.indexOf(':');
        return colon < 0 ? null : line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  /** The PID on the first line of PostgreSQL's {@code postmaster.pid} (or any PID file). */
  public static long firstLinePid(String text) {
    String first = text.strip().split("\n", 2)[0].trim();
    try {
      return Long.parseLong(first);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("no PID on the first line: " + abbreviate(first));
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 120) + "…";
  }
}
