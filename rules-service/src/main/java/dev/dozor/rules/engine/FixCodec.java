package dev.dozor.rules.engine;

import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link TelemetryPoint} in a checkpoint as plain values: times as epoch milliseconds (a point's
 * times are whole milliseconds), absent numbers and equipment channels as flags. Java serialization
 * of the record wrote about twelve objects a point (two instants and their serial forms, boxed
 * numbers, the equipment record, the ids); a partition's capture serializes thousands of kept
 * points on the engine's thread.
 */
final class FixCodec {
  private static final int HAS_RECEIVED = 1;
  private static final int HAS_HEADING = 2;
  private static final int HAS_ODOMETER = 4;
  private static final int HAS_SPREAD_RATE = 8;

  private FixCodec() {}

  /** Writes the point; its vehicle id is not written (the reader gives it). */
  static void write(TelemetryPoint p, ObjectOutputStream out) throws IOException {
    Equipment e = p.equipment();
    int flags =
        (p.receivedAt() != null ? HAS_RECEIVED : 0)
            | (p.headingDeg() != null ? HAS_HEADING : 0)
            | (p.odometerKm() != null ? HAS_ODOMETER : 0)
            | (e.spreadRateGm2() != null ? HAS_SPREAD_RATE : 0);
    out.writeByte(flags);
    out.writeInt(p.schemaVersion());
    out.writeObject(p.deviceId());
    out.writeLong(p.fixTime().toEpochMilli());
    if (p.receivedAt() != null) {
      out.writeLong(p.receivedAt().toEpochMilli());
    }
    out.writeDouble(p.lat());
    out.writeDouble(p.lon());
    out.writeDouble(p.speedKmh());
    if (p.headingDeg() != null) {
      out.writeDouble(p.headingDeg());
    }
    if (p.odometerKm() != null) {
      out.writeDouble(p.odometerKm());
    }
    out.writeShort(
        channels(e.plough(), e.brush(), e.spreader(), e.bodyTip(), e.ignition(), e.pto()));
    if (e.spreadRateGm2() != null) {
      out.writeDouble(e.spreadRateGm2());
    }
    out.writeInt(p.attributes().size());
    for (Map.Entry<String, String> a : p.attributes().entrySet()) {
      out.writeObject(a.getKey());
      out.writeObject(a.getValue());
    }
  }

  /** Reads a point written by {@link #write} for this vehicle. */
  static TelemetryPoint read(String vehicleId, ObjectInputStream in)
      throws IOException, ClassNotFoundException {
    int flags = in.readByte();
    int schemaVersion = in.readInt();
    String deviceId = (String) in.readObject();
    Instant fixTime = Instant.ofEpochMilli(in.readLong());
    Instant receivedAt = (flags & HAS_RECEIVED) != 0 ? Instant.ofEpochMilli(in.readLong()) : null;
    double lat = in.readDouble();
    double lon = in.readDouble();
    double speedKmh = in.readDouble();
    Double headingDeg = (flags & HAS_HEADING) != 0 ? in.readDouble() : null;
    Double odometerKm = (flags & HAS_ODOMETER) != 0 ? in.readDouble() : null;
    int channels = in.readShort();
    Double spreadRate = (flags & HAS_SPREAD_RATE) != 0 ? in.readDouble() : null;
    Equipment equipment =
        new Equipment(
            channel(channels, 0),
            channel(channels, 1),
            channel(channels, 2),
            spreadRate,
            channel(channels, 3),
            channel(channels, 4),
            channel(channels, 5));
    int attributes = in.readInt();
    Map<String, String> attrs = new HashMap<>(attributes * 2);
    for (int i = 0; i < attributes; i++) {
      attrs.put((String) in.readObject(), (String) in.readObject());
    }
    return new TelemetryPoint(
        schemaVersion,
        vehicleId,
        deviceId,
        fixTime,
        receivedAt,
        lat,
        lon,
        speedKmh,
        headingDeg,
        odometerKm,
        Equipment.NONE.equals(equipment) ? Equipment.NONE : equipment,
        attrs);
  }

  /** Two bits a channel, in order: 0 not reported, 1 off, 2 on. */
  private static int channels(Boolean... values) {
    int packed = 0;
    for (int i = 0; i < values.length; i++) {
      int v = values[i] == null ? 0 : values[i] ? 2 : 1;
      packed |= v << (2 * i);
    }
    return packed;
  }

  private static Boolean channel(int packed, int i) {
    int v = (packed >> (2 * i)) & 3;
    return v == 0 ? null : v == 2;
  }
}
