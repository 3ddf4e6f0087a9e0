package dev.dozor.protocol.egts;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A decoded EGTS transport packet. For EGTS_PT_RESPONSE the SFRD starts with RPID USHORT (the
 * answered packet id) and PR BYTE (its processing result), then records; for EGTS_PT_APPDATA it
 * holds records only (GOST 33472-2015 / Order 285, tables of the SFRD formats).
 *
 * @param header the transport header
 * @param responseToPacketId RPID, or null unless PT_RESPONSE
 * @param processingResult PR, or null unless PT_RESPONSE
 * @param records the service records in wire order
 */
public record EgtsPacket(
    EgtsTransportHeader header,
    Integer responseToPacketId,
    Integer processingResult,
    List<EgtsRecord> records) {

  public EgtsPacket {
    records = List.copyOf(records);
  }

  /** PID. */
  public int packetId() {
    return header.packetId();
  }

  /** PT ({@link EgtsPacketType}). */
  public int packetType() {
    return header.packetType();
  }

  /** Every EGTS_SR_RECORD_RESPONSE in the packet, in wire order. */
  public List<EgtsSubrecord.RecordResponse> recordResponses() {
    List<EgtsSubrecord.RecordResponse> out = new ArrayList<>();
    for (EgtsRecord r : records) {
      for (EgtsSubrecord s : r.subrecords()) {
        if (s instanceof EgtsSubrecord.RecordResponse rr) {
          out.add(rr);
        }
      }
    }
    return out;
  }

  /** RCD of the first EGTS_SR_RESULT_CODE (the platform's answer to TERM_IDENTITY), if any. */
  public OptionalInt authResult() {
    for (EgtsRecord r : records) {
      for (EgtsSubrecord s : r.subrecords()) {
        if (s instanceof EgtsSubrecord.ResultCode rc) {
          return OptionalInt.of(rc.code());
        }
      }
    }
    return OptionalInt.empty();
  }
}
