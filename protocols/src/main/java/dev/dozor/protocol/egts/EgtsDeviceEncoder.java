package dev.dozor.protocol.egts;

import dev.dozor.protocol.RawFix;
import java.util.ArrayList;
import java.util.List;

/**
 * Device side (simulator, benchmark, gateway tests): the packets an EGTS terminal sends. The
 * platform's answers are read with {@link EgtsPacketDecoder} ({@link EgtsPacket#authResult()},
 * {@link EgtsPacket#recordResponses()}); the terminal acknowledges the platform's APPDATA with
 * {@link EgtsResponseEncoder#acknowledge}.
 */
public final class EgtsDeviceEncoder {
  private EgtsDeviceEncoder() {}

  /** TERM_IDENTITY with TID and, when not null, IMEI (15 digits). */
  public static EgtsSubrecord.TermIdentity identity(long terminalId, String imei) {
    return new EgtsSubrecord.TermIdentity(
        terminalId, null, imei, null, null, null, null, null, false);
  }

  /** EGTS_PT_APPDATA with one AUTH record (number {@code recordNumber}) holding {@code id}. */
  public static byte[] termIdentity(
      int packetId, int recordNumber, EgtsSubrecord.TermIdentity identity) {
    return EgtsPacketEncoder.appData(
        packetId,
        List.of(
            EgtsRecord.fromDevice(
                recordNumber, EgtsServiceType.AUTH, null, List.<EgtsSubrecord>of(identity))));
  }

  /**
   * EGTS_PT_APPDATA with one TELEDATA record per fix, numbered from {@code firstRecordNumber}
   * (wrapping at 65535), each with OID = {@code objectId} when not null.
   */
  public static byte[] teledata(
      int packetId, int firstRecordNumber, Long objectId, List<RawFix> fixes) {
    List<EgtsRecord> records = new ArrayList<>(fixes.size());
    for (int i = 0; i < fixes.size(); i++) {
      records.add(
          EgtsTeledataEncoder.record((firstRecordNumber + i) & 0xFFFF, objectId, fixes.get(i)));
    }
    return EgtsPacketEncoder.appData(packetId, records);
  }
}
