package dev.dozor.simulator.road;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project's shared real data live: {@code DOZOR_SHARED_DATA}, else ../shared/data. */
public final class SharedData {
  private SharedData() {}

  public static Path dir() {
    String env = System.getenv("DOZOR_SHARED_DATA");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    // tests run in simulator/: the repository root is its parent
    Path cwd = Path.of("").toAbsolutePath();
    Path root =
        Files.exists(cwd.resolve("pom.xml"))
                && cwd.getParent() != null
                && Files.exists(cwd.getParent().resolve("pom.xml"))
            ? cwd.getParent()
            : cwd;
    return root.resolve("../shared/data").normalize();
  }

  public static Path file(String relative) {
    return dir().resolve(relative);
  }
}
