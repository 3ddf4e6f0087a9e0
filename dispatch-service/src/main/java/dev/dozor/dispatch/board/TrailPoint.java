package dev.dozor.dispatch.board;

import java.time.Instant;

/** One earlier position of a vehicle, for the trail on the map. */
public record TrailPoint(Instant fixTime, double lat, double lon) {}
