package dev.dozor.rules.engine;

import dev.dozor.rules.geo.Geography;
import dev.dozor.rules.registry.Fleet;
import dev.dozor.rules.regulation.ParameterResolver;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * What a {@link VehiclePoint} looks up lazily: the fleet registry, the geography, the parameters in
 * force and the local time zone of the "local time" regulations.
 */
public record PointContext(
    Fleet fleet, Geography geography, ParameterResolver parameters, ZoneId localZone) {

  /** No registry, no geography, no parameters (single-fact tests). */
  public static final PointContext EMPTY =
      new PointContext(
          Fleet.EMPTY, Geography.EMPTY, ParameterResolver.NONE, ZoneId.of("Europe/Moscow"));

  public PointContext {
    Objects.requireNonNull(fleet, "fleet");
    Objects.requireNonNull(geography, "geography");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(localZone, "localZone");
  }

  /** The same context with other parameters (a candidate regulation version). */
  public PointContext withParameters(ParameterResolver other) {
    return new PointContext(fleet, geography, other, localZone);
  }

  int localMinuteOfDay(long epochMs) {
    ZonedDateTime local = Instant.ofEpochMilli(epochMs).atZone(localZone);
    return local.getHour() * 60 + local.getMinute();
  }
}
