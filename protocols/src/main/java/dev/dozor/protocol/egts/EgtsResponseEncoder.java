package dev.dozor.protocol.egts;

import java.util.ArrayList;
import java.util.List;

/**
 * Server-side answers: the EGTS_PT_RESPONSE that acknowledges every EGTS_PT_APPDATA packet, with
 * one EGTS_SR_RECORD_RESPONSE per record, and the EGTS_SR_RESULT_CODE that answers a TERM_IDENTITY
 * (GOST 33472-2015 / Order 285: transport acknowledgement and AUTH service).
 */
public final class EgtsResponseEncoder {
  private EgtsResponseEncoder() {}

  /**
   * The acknowledgement of one received record.
   *
   * @param recordNumber RN of the received record (becomes CRN)
   * @param serviceType its service (SST/RST of the acknowledging record)
   * @param status RST, an {@link EgtsResultCode}
   */
  public record RecordAck(int recordNumber, int serviceType, int status) {

    /** Acknowledges {@code record} with {@code status}. */
    public static RecordAck of(EgtsRecord record, int status) {
      return new RecordAck(record.recordNumber(), record.recipientService(), status);
    }
  }

  /**
   * EGTS_PT_RESPONSE with RPID = {@code responseToPacketId}, PR = {@code processingResult} and one
   * record per ack, each holding EGTS_SR_RECORD_RESPONSE (CRN, RST). The acknowledging record
   * reuses the acknowledged record's number as its own RN, which the spec leaves to the sender and
   * which keeps logs easy to pair.
   */
  public static byte[] packetResponse(
      int packetId, int responseToPacketId, int processingResult, List<RecordAck> acks) {
    List<EgtsRecord> records = new ArrayList<>(acks.size());
    for (RecordAck ack : acks) {
      records.add(
          EgtsRecord.toDevice(
              ack.recordNumber(),
              ack.serviceType(),
              List.of(new EgtsSubrecord.RecordResponse(ack.recordNumber(), ack.status()))));
    }
    return EgtsPacketEncoder.response(packetId, responseToPacketId, processingResult, records);
  }

  /** Acknowledges every record of {@code packet} with {@code status} (PR = OK). */
  public static byte[] acknowledge(int packetId, EgtsPacket packet, int status) {
    List<RecordAck> acks = new ArrayList<>(packet.records().size());
    for (EgtsRecord r : packet.records()) {
      acks.add(RecordAck.of(r, status));
    }
    return packetResponse(packetId, packet.packetId(), EgtsResultCode.OK, acks);
  }

  /** Rejects the packet {@code responseToPacketId} at transport level with {@code code}. */
  public static byte[] reject(int packetId, int responseToPacketId, int code) {
    return packetResponse(packetId, responseToPacketId, code, List.of());
  }

  /**
   * EGTS_PT_APPDATA with one AUTH record (number {@code recordNumber}) holding EGTS_SR_RESULT_CODE
   * = {@code resultCode}: the platform's verdict on a TERM_IDENTITY.
   */
  public static byte[] authResult(int packetId, int recordNumber, int resultCode) {
    return EgtsPacketEncoder.appData(
        packetId,
        List.of(
            EgtsRecord.toDevice(
                recordNumber,
                EgtsServiceType.AUTH,
                List.of(new EgtsSubrecord.ResultCode(resultCode)))));
  }
}
