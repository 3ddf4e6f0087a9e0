package dev.dozor.rules.engine;

import dev.dozor.rules.geo.Geography;
import dev.dozor.rules.registry.Fleet;
import dev.dozor.rules.regulation.ParameterResolver;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
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
    ZoneRules rules = localZone.getRules();
    // a zone without daylight saving (Moscow since 2014) has one offset: no date-time objects for
    // a question asked by several rules of every point
    ZoneOffset offset =
        rules.isFixedOffset()
            ? rules.getOffset(Instant.EPOCH)
            : rules.getOffset(Instant.ofEpochMilli(epochMs));
    long localSeconds = Math.floorDiv(epochMs, 1000L) + offset.getTotalSeconds();
    return (int) (Math.floorMod(localSeconds, 86_400L) / 60);
  }
}
