package dev.dozor.gateway.egts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dozor.gateway.ingest.FixIngestResult;
import dev.dozor.protocol.egts.EgtsResultCode;
import org.junit.jupiter.api.Test;

/**
 * The answer to each ingest outcome; Kafka being down cannot be staged against the shared broker.
 */
class EgtsIngestVerdictTest {

  @Test
  void acceptedRecordsAreOkEvenWhenFixesWereDropped() {
    assertEquals(
        new EgtsIngestVerdict(EgtsResultCode.OK, true),
        EgtsIngestVerdict.of(new FixIngestResult.Accepted(3, 0)));
    assertEquals(
        new EgtsIngestVerdict(EgtsResultCode.OK, true),
        EgtsIngestVerdict.of(new FixIngestResult.Accepted(0, 2)));
  }

  @Test
  void storageUnavailableAsksToTryLaterAndKeepsTheConnection() {
    EgtsIngestVerdict v =
        EgtsIngestVerdict.of(
            new FixIngestResult.StorageUnavailable("d-1", new IllegalStateException("down")));
    assertEquals(EgtsResultCode.NO_RES_AVAIL, v.recordStatus());
    assertEquals(156, v.recordStatus());
    assertEquals(true, v.keepConnection());
  }

  @Test
  void unboundDeviceIsDeniedAndClosed() {
    assertEquals(
        new EgtsIngestVerdict(EgtsResultCode.AUTH_DENIED, false),
        EgtsIngestVerdict.of(new FixIngestResult.DeviceNotBound("d-1")));
  }
}
