package dev.dozor.telemetry.geo;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real data folder (not part of the repository): env {@code DOZOR_SHARED_DATA}, else {@code
 * ../../shared/data} from the module directory. Tests that need it skip when it is absent.
 */
final class SharedData {
  private SharedData() {}

  static Path dir() {
    String env = System.getenv("DOZOR_SHARED_DATA");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of("../../shared/data");
  }

  /** The file's bytes; skips the calling test (assumption) when the file is absent. */
  static byte[] file(String relative) {
    Path path = dir().resolve(relative);
    assumeTrue(
        Files.isRegularFile(path),
        "real data not found at "
            + path.toAbsolutePath().normalize()
            + " (set DOZOR_SHARED_DATA to the shared/data folder); skipping");
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final String OKRUGS = "moscow-boundaries/ao.geojson";
  static final String DISTRICTS = "moscow-boundaries/mo.geojson";
  static final String ROADS = "moscow-roads-svao-extract/graphhopper_moscow_highways.geojson";
}
