package dev.dozor.gateway.egts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dozor.events.DeviceRecord;
import dev.dozor.gateway.tcp.TcpServerWithoutKafka;
import dev.dozor.gateway.tcp.TestTcpConfig;
import dev.dozor.protocol.RawFix;
import dev.dozor.protocol.egts.EgtsDeviceEncoder;
import dev.dozor.protocol.egts.EgtsPacket;
import dev.dozor.protocol.egts.EgtsPacketType;
import dev.dozor.protocol.egts.EgtsResultCode;
import dev.dozor.protocol.egts.EgtsSubrecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With Kafka down, an authenticated terminal's records are answered "try later" (156), never OK,
 * and the connection stays open so the terminal keeps its black box and resends. A real socket
 * against the real EGTS session; only the broker is missing.
 */
class EgtsKafkaOutageTest {
  private static final long TID = 42_424_242L;

  @Test
  void recordsAreAnsweredTryLaterNotOkAndTheConnectionStaysOpen() throws Exception {
    DeviceRecord device =
        DeviceRecord.of("dev-outage", "veh-outage", DeviceRecord.EGTS, null, "" + TID, null);
    try (TcpServerWithoutKafka gateway =
            new TcpServerWithoutKafka(
                device,
                parts ->
                    new EgtsSessionFactory(
                        new TestEgtsConfig(), parts.ingest(), parts.registry(), parts.stats()));
        EgtsTerminal terminal = new EgtsTerminal(gateway.port())) {
      terminal.authenticate(TID);
      for (int packet = 2; packet <= 3; packet++) {
        Instant t = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        List<RawFix> fixes =
            List.of(
                RawFix.of(t, 55.85, 37.64, 30.0, 90.0),
                RawFix.of(t.plusSeconds(1), 55.86, 37.64, 31.0, 90.0));
        terminal.send(EgtsDeviceEncoder.teledata(packet, packet * 10, null, fixes));
        EgtsPacket answer = terminal.nextPacket();
        assertEquals(EgtsPacketType.RESPONSE, answer.packetType());
        assertEquals(packet, answer.responseToPacketId());
        List<EgtsSubrecord.RecordResponse> records = answer.recordResponses();
        assertEquals(2, records.size(), "one answer per record: " + records);
        for (EgtsSubrecord.RecordResponse r : records) {
          assertEquals(EgtsResultCode.NO_RES_AVAIL, r.recordStatus(), "try later, not OK");
        }
      }
      assertFalse(terminal.socket.isClosed(), "the terminal may resend on the same connection");
    }
  }

  /** Settings of a test server. */
  private static final class TestEgtsConfig extends TestTcpConfig implements EgtsConfig {}
}
