package dev.dozor.gateway.validation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits every incoming point is checked against before anything is published. */
@ConfigMapping(prefix = "dozor.gateway.validation")
public interface ValidationConfig {

  /** Highest plausible ground speed; faster fixes are GPS noise or a broken tracker. */
  @WithDefault("300")
  double maxSpeedKmh();

  /** How far a fix time may lie ahead of the server clock (tracker clock drift). */
  @WithDefault("PT2M")
  Duration maxFutureSkew();

  /** Oldest fix time accepted (a black box uploaded after a long outage). */
  @WithDefault("P30D")
  Duration maxAge();

  /** Most points one request may carry; larger uploads must be split. */
  @WithDefault("1000")
  int maxPointsPerRequest();

  /** The limits as a plain value for {@link PointValidator}. */
  default ValidationLimits limits() {
    return new ValidationLimits(maxSpeedKmh(), maxFutureSkew(), maxAge(), maxPointsPerRequest());
  }
}
