package dev.dozor.simulator;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses human durations on the command line: {@code 500ms}, {@code 2s}, {@code 5m}, {@code 1h}.
 */
final class Durations {
  private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

  private Durations() {}

  /** A duration; a bare number means seconds, and ISO-8601 ({@code PT2S}) is accepted too. */
  static Duration parse(String flag, String text) throws CliException {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    Matcher m = SIMPLE.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "s" : m.group(2);
      return switch (unit) {
        case "ms" -> Duration.ofMillis(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofSeconds(n);
      };
    }
    if (t.startsWith("pt")) {
      try {
        Duration d = Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
        if (!d.isNegative()) {
          return d;
        }
      } catch (DateTimeParseException e) {
        // fall through to the error below
      }
    }
    throw new CliException(
        "invalid duration '" + text + "' for " + flag + ": use e.g. 500ms, 2s, 5m or 1h");
  }

  /** {@code 2s}, {@code 500ms}, {@code 5m}: the shortest exact form. */
  static String format(Duration d) {
    if (d.toMillis() % 1000 != 0) {
      return d.toMillis() + "ms";
    }
    long s = d.toSeconds();
    if (s != 0 && s % 3600 == 0) {
      return s / 3600 + "h";
    }
    if (s != 0 && s % 60 == 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }
}
