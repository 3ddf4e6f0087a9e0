package dev.dozor.rules.version;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Regulation versioning ({@code dozor.rules.versions.*}). */
@ConfigMapping(prefix = "dozor.rules.versions")
public interface VersionConfig {

  /** How often an instance checks the stored active set (activations made on another instance). */
  @WithDefault("5s")
  Duration pollInterval();

  /** Audit rows returned when the request gives no limit. */
  @WithDefault("100")
  int auditLimit();
}
