package dev.dozor.events;

import java.time.Instant;

/** A fix that proves a violation. */
public record EvidencePoint(Instant fixTime, double lat, double lon, double speedKmh)
    implements java.io.Serializable {

  public static EvidencePoint of(TelemetryPoint p) {
    return new EvidencePoint(p.fixTime(), p.lat(), p.lon(), p.speedKmh());
  }
}
