package dev.dozor.telemetry.track;

import dev.dozor.events.Equipment;
import java.time.Instant;

/** One stored fix of a track. */
public record TrackFix(
    Instant fixTime,
    double lat,
    double lon,
    Double speedKmh,
    Double headingDeg,
    Equipment equipment) {}
