package dev.dozor.simulator.replay;

import java.time.Instant;

/**
 * One fix of a recorded trace, as read.
 *
 * @param truck the trace's vehicle name ({@code truck_name})
 * @param time when it was recorded (UTC)
 * @param lat latitude, degrees
 * @param lon longitude, degrees
 * @param odometerMiles odometer reading in miles ({@code odometer.value}), or null
 * @param line line number in the file (1 = header)
 */
public record TraceFix(
    String truck, Instant time, double lat, double lon, Double odometerMiles, int line) {}
