package dev.dozor.gateway.point;

import dev.dozor.events.Equipment;
import java.time.Instant;
import java.util.Map;

/**
 * One point as a device sends it over HTTP JSON. Numbers are boxed so a missing field can be told
 * from zero; {@code PointValidator} decides what is required. There is deliberately no vehicle id:
 * the vehicle comes from the device's binding in the registry, never from the body.
 *
 * @param fixTime time of the GPS fix, ISO-8601 instant (required)
 * @param lat WGS84 latitude, degrees (required)
 * @param lon WGS84 longitude, degrees (required)
 * @param speedKmh ground speed, km/h (0 when absent)
 * @param headingDeg course over ground, degrees from north, [0, 360)
 * @param odometerKm vehicle odometer, km
 * @param equipment normalised equipment channels
 * @param attributes raw inputs not mapped to a channel
 */
public record TelemetryPointRequest(
    Instant fixTime,
    Double lat,
    Double lon,
    Double speedKmh,
    Double headingDeg,
    Double odometerKm,
    Equipment equipment,
    Map<String, String> attributes) {}
