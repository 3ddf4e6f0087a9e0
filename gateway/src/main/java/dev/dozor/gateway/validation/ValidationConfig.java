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

  /**
   * How far a fix time may lie ahead of the server clock. A tracker whose clock runs fast still
   * sends real positions: up to a day ahead they are kept, and the rules-service reports the clock
   * (INT-005, from 2 min on); further ahead the time is garbage and the fix is refused.
   */
  @WithDefault("PT24H")
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
