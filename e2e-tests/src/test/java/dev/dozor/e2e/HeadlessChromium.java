package dev.dozor.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Debian's Chromium run headless: loads a page, lets its scripts run, returns the live DOM. */
final class HeadlessChromium {
  private final Path binary;

  private HeadlessChromium(Path binary) {
    this.binary = binary;
  }

  /** The browser at DOZOR_CHROMIUM or /usr/bin/chromium, if installed. */
  static Optional<HeadlessChromium> find() {
    String configured = System.getenv("DOZOR_CHROMIUM");
    Path binary =
        Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
    return Files.isExecutable(binary)
        ? Optional.of(new HeadlessChromium(binary))
        : Optional.empty();
  }

  /**
   * The DOM after the page ran for {@code budgetMs} of virtual time (network, WebSocket and timers
   * included).
   */
  String dumpDom(String url, int budgetMs) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("dozor-chromium");
    Path out = Files.createTempFile("dozor-dom", ".html");
    try {
      Process process =
          new ProcessBuilder(
                  List.of(
                      binary.toString(),
                      "--headless=new",
                      "--no-sandbox",
                      "--disable-gpu",
                      "--disable-background-networking",
                      "--disable-component-update",
                      "--disable-sync",
                      "--disable-quic",
                      "--no-first-run",
                      "--user-data-dir=" + profile,
                      "--virtual-time-budget=" + budgetMs,
                      "--dump-dom",
                      url))
              .redirectOutput(out.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("chromium did not finish rendering " + url + " in 90 s");
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(out);
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
