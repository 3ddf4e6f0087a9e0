package dev.dozor.protocol.egts;

import java.time.Instant;
import java.util.List;

/**
 * One service data record (SDR) of the service support layer (GOST 33472-2015 / Order 285, table
 * "Состав записи Протокола Уровня поддержки услуг"), little-endian:
 *
 * <pre>
 * RL   USHORT  length of RD
 * RN   USHORT  record number
 * RFL  BYTE    SSOD(7) RSOD(6) GRP(5) RPP(4-3) TMFE(2) EVFE(1) OBFE(0)
 * OID  UINT    object id                          (only when OBFE)
 * EVID UINT    event id                           (only when EVFE)
 * TM   UINT    seconds since 2010-01-01T00:00:00Z (only when TMFE)
 * SST  BYTE    source service type
 * RST  BYTE    recipient service type
 * RD   RL bytes: subrecords, each SRT BYTE, SRL USHORT, SRD (SRL bytes)
 * </pre>
 *
 * @param recordNumber RN
 * @param sourceOnDevice SSOD: the sending service runs on the terminal
 * @param recipientOnDevice RSOD: the receiving service runs on the terminal
 * @param group GRP
 * @param priority RPP, 0..3
 * @param objectId OID, or null
 * @param eventId EVID, or null
 * @param time TM, or null
 * @param sourceService SST ({@link EgtsServiceType})
 * @param recipientService RST ({@link EgtsServiceType})
 * @param subrecords the subrecords in wire order
 */
public record EgtsRecord(
    int recordNumber,
    boolean sourceOnDevice,
    boolean recipientOnDevice,
    boolean group,
    int priority,
    Long objectId,
    Long eventId,
    Instant time,
    int sourceService,
    int recipientService,
    List<EgtsSubrecord> subrecords) {

  public EgtsRecord {
    subrecords = List.copyOf(subrecords);
  }

  /** A record a terminal sends to the platform for {@code service} (SSOD = 1). */
  public static EgtsRecord fromDevice(
      int recordNumber, int service, Long objectId, List<EgtsSubrecord> subrecords) {
    return new EgtsRecord(
        recordNumber, true, false, false, 0, objectId, null, null, service, service, subrecords);
  }

  /** A record the platform sends to a terminal for {@code service} (RSOD = 1). */
  public static EgtsRecord toDevice(int recordNumber, int service, List<EgtsSubrecord> subrecords) {
    return new EgtsRecord(
        recordNumber, false, true, false, 0, null, null, null, service, service, subrecords);
  }
}
