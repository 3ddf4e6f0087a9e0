package dev.dozor.bench.telemetry;

import dev.dozor.bench.telemetry.Drive.Fix;
import dev.dozor.bench.telemetry.Drive.Pass;
import dev.dozor.events.Equipment;
import dev.dozor.events.JsonSerde;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * COPY text rows of the bulk loads: tab-separated, {@code \N} for null, geometries as hex EWKB
 * (which PostGIS parses faster than WKT), equipment JSON rendered once per distinct state.
 */
final class CopyRows {
  /** {@code telemetry.positions} columns, in the order {@link #position} writes them. */
  static final String POSITION_COLUMNS =
      "vehicle_id, fix_time, received_at, geom, speed_kmh, heading_deg, odometer_km, equipment,"
          + " attributes";

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** Little-endian point with SRID 4326: byte order, type 0x20000001, SRID. */
  private static final String EWKB_POINT_4326 = "0101000020E6100000";

  private final Map<Equipment, String> equipmentJson = new IdentityHashMap<>();

  /** One positions row; received 500 ms after the fix, no attributes. */
  void position(StringBuilder sb, Fix f) {
    sb.append(f.vehicleId()).append('\t');
    sb.append(f.time()).append('\t');
    sb.append(f.time().plusMillis(500)).append('\t');
    appendPoint(sb, f.lon(), f.lat());
    sb.append('\t').append(f.speedKmh());
    sb.append('\t').append(f.headingDeg());
    sb.append('\t').append(f.odometerKm());
    sb.append('\t').append(equipment(f.equipment()));
    sb.append("\t\\N\n");
  }

  /**
   * One segment-passes row in the order of {@code columns} (names of {@code
   * telemetry.segment_passes}); columns it does not know are left to their defaults by the caller.
   */
  static void pass(StringBuilder sb, Pass p, String passId, String source, String[] columns) {
    for (int i = 0; i < columns.length; i++) {
      if (i > 0) {
        sb.append('\t');
      }
      switch (columns[i]) {
        case "pass_id" -> sb.append(passId);
        case "segment_id" -> sb.append(escape(p.segmentId()));
        case "vehicle_id" -> sb.append(escape(p.vehicleId()));
        case "started_at" -> sb.append(p.startedAt());
        case "ended_at" -> sb.append(p.endedAt());
        case "equipment" -> sb.append(escape(p.equipment()));
        case "covered_fraction" -> sb.append(Math.round(p.coveredFraction() * 10_000) / 10_000.0);
        case "source" -> sb.append(source);
        default -> throw new IllegalArgumentException("no value for column " + columns[i]);
      }
    }
    sb.append('\n');
  }

  String equipment(Equipment e) {
    return equipmentJson.computeIfAbsent(e, k -> escape(JsonSerde.toJson(k)));
  }

  /** Hex EWKB of a 2D point in EPSG:4326. */
  static void appendPoint(StringBuilder sb, double lon, double lat) {
    sb.append(EWKB_POINT_4326);
    appendLittleEndian(sb, Double.doubleToLongBits(lon));
    appendLittleEndian(sb, Double.doubleToLongBits(lat));
  }

  private static void appendLittleEndian(StringBuilder sb, long bits) {
    for (int i = 0; i < 8; i++) {
      int b = (int) (bits >>> (8 * i)) & 0xff;
      sb.append(HEX[b >>> 4]).append(HEX[b & 0xf]);
    }
  }

  static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
  }
}
