package dev.dozor.gateway.egts;

import dev.dozor.gateway.ingest.FixIngestResult;
import dev.dozor.protocol.egts.EgtsResultCode;

/**
 * How the outcome of ingesting a packet's fixes is answered to the terminal: the RST of every
 * TELEDATA record's EGTS_SR_RECORD_RESPONSE and whether the connection stays open. Pure.
 *
 * @param recordStatus RST for each TELEDATA record of the packet ({@link EgtsResultCode})
 * @param keepConnection false when the session must close after the answer is written
 */
public record EgtsIngestVerdict(int recordStatus, boolean keepConnection) {

  /**
   * The "try later" status. A terminal keeps every record not answered EGTS_PC_OK in its black box
   * and resends it; EGTS_PC_NO_RES_AVAIL ("insufficient resources") says the platform cannot take
   * the data now, which is what a loading registry or an unreachable Kafka is, while
   * EGTS_PC_IO_ERROR reads as a fault of the record itself.
   */
  public static final int TRY_LATER = EgtsResultCode.NO_RES_AVAIL;

  /** The answer to {@code result}. */
  public static EgtsIngestVerdict of(FixIngestResult result) {
    if (result instanceof FixIngestResult.Accepted) {
      // sanity-dropped fixes are acknowledged too: resending them would not make them plausible
      return new EgtsIngestVerdict(EgtsResultCode.OK, true);
    }
    if (result instanceof FixIngestResult.DeviceNotBound) {
      return new EgtsIngestVerdict(EgtsResultCode.AUTH_DENIED, false);
    }
    // storage unavailable: keep the connection, the terminal resends from its black box
    return new EgtsIngestVerdict(TRY_LATER, true);
  }
}
