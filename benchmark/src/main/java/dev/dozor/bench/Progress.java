package dev.dozor.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress lines of the instruments ({@code bench: …}): their user interface on the terminal,
 * not diagnostics (those go through slf4j), so they are printed to the stream the command was
 * given.
 */
public final class Progress {
  private final PrintStream out;
  private final String prefix;

  public Progress(PrintStream out, String prefix) {
    this.out = out;
    this.prefix = prefix + ": ";
  }

  /** One line, formatted with the root locale so numbers read the same on every machine. */
  public void say(String format, Object... args) {
    out.println(prefix + String.format(Locale.ROOT, format, args));
  }
}
