package dev.dozor.protocol.egts;

import java.time.Instant;
import java.util.List;

/**
 * Builds EGTS transport frames (layout on {@link EgtsTransportHeader}, records on {@link
 * EgtsRecord}): header with HCS, SFRD, SFRCS. Frames are unrouted (HL = 11), unencrypted and
 * uncompressed, priority PR = 0. Values that do not fit their fields throw
 * IllegalArgumentException.
 */
public final class EgtsPacketEncoder {
  /** Largest SFRD the transport allows in a frame without routing fields. */
  static final int MAX_SFRD = 65517;

  private EgtsPacketEncoder() {}

  /** An EGTS_PT_APPDATA frame with {@code records}. */
  public static byte[] appData(int packetId, List<EgtsRecord> records) {
    EgtsWriter sfrd = new EgtsWriter();
    for (EgtsRecord r : records) {
      writeRecord(sfrd, r);
    }
    return frame(packetId, EgtsPacketType.APPDATA, sfrd);
  }

  /**
   * An EGTS_PT_RESPONSE frame answering packet {@code responseToPacketId} with {@code
   * processingResult}, followed by {@code records} (usually RECORD_RESPONSE acknowledgements).
   */
  public static byte[] response(
      int packetId, int responseToPacketId, int processingResult, List<EgtsRecord> records) {
    EgtsWriter sfrd = new EgtsWriter();
    sfrd.u16(responseToPacketId, "RPID").u8(processingResult, "PR");
    for (EgtsRecord r : records) {
      writeRecord(sfrd, r);
    }
    return frame(packetId, EgtsPacketType.RESPONSE, sfrd);
  }

  private static byte[] frame(int packetId, int packetType, EgtsWriter sfrd) {
    int fdl = sfrd.size();
    if (fdl > MAX_SFRD) {
      throw new IllegalArgumentException("SFRD of " + fdl + " bytes exceeds " + MAX_SFRD);
    }
    EgtsWriter w = new EgtsWriter();
    w.u8(EgtsTransportHeader.PROTOCOL_VERSION, "PRV")
        .u8(0, "SKID")
        .u8(0, "flags")
        .u8(EgtsTransportHeader.LENGTH, "HL")
        .u8(0, "HE")
        .u16(fdl, "FDL")
        .u16(packetId, "PID")
        .u8(packetType, "PT");
    w.u8(Crc8.compute(w.array(), 0, w.size()), "HCS");
    if (fdl > 0) {
      byte[] data = sfrd.toByteArray();
      w.bytes(data).u16(Crc16Ccitt.compute(data, 0, fdl), "SFRCS");
    }
    return w.toByteArray();
  }

  private static void writeRecord(EgtsWriter w, EgtsRecord r) {
    int rfl =
        (r.sourceOnDevice() ? 0x80 : 0)
            | (r.recipientOnDevice() ? 0x40 : 0)
            | (r.group() ? 0x20 : 0)
            | (checkPriority(r.priority()) << 3)
            | (r.time() != null ? 0x04 : 0)
            | (r.eventId() != null ? 0x02 : 0)
            | (r.objectId() != null ? 0x01 : 0);
    int lengthAt = w.size();
    w.u16(0, "RL").u16(r.recordNumber(), "RN").u8(rfl, "RFL");
    if (r.objectId() != null) {
      w.u32(r.objectId(), "OID");
    }
    if (r.eventId() != null) {
      w.u32(r.eventId(), "EVID");
    }
    Instant tm = r.time();
    if (tm != null) {
      w.u32(EgtsTime.toSeconds(tm, "TM"), "TM");
    }
    w.u8(r.sourceService(), "SST").u8(r.recipientService(), "RST");
    int start = w.size();
    for (EgtsSubrecord s : r.subrecords()) {
      EgtsSubrecordEncoder.write(w, s);
    }
    w.putU16(lengthAt, w.size() - start, "RL");
  }

  private static int checkPriority(int rpp) {
    if (rpp < 0 || rpp > 3) {
      throw new IllegalArgumentException("RPP " + rpp + " is outside 0..3");
    }
    return rpp;
  }
}
