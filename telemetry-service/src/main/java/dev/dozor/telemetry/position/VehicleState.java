package dev.dozor.telemetry.position;

import dev.dozor.events.Equipment;
import java.time.Instant;

/** The last known point of a vehicle. */
public record VehicleState(
    String vehicleId,
    Instant fixTime,
    double lat,
    double lon,
    Double speedKmh,
    Double headingDeg,
    Equipment equipment) {}
