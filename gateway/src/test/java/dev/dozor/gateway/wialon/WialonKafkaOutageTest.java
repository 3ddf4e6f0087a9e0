package dev.dozor.gateway.wialon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dozor.events.DeviceRecord;
import dev.dozor.gateway.tcp.TcpServerWithoutKafka;
import dev.dozor.gateway.tcp.TestTcpConfig;
import dev.dozor.protocol.wialon.WialonData;
import dev.dozor.protocol.wialon.WialonDeviceEncoder;
import dev.dozor.protocol.wialon.WialonPacket;
import dev.dozor.protocol.wialon.WialonVersion;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With Kafka down, Wialon IPS has no "try later" answer, so the gateway answers nothing and closes
 * the connection: the tracker keeps the message in its black box, reconnects and resends. It is
 * never told {@code #AD#1} or {@code #AB#n}. A real socket against the real session; only the
 * broker is missing.
 */
class WialonKafkaOutageTest {
  private static final String IMEI = "356938035643809";

  @Test
  void dataIsNeverAcknowledgedAndTheConnectionIsClosedSoTheTrackerKeepsItsBlackBox()
      throws Exception {
    DeviceRecord device =
        DeviceRecord.of("dev-w-outage", "veh-w-outage", DeviceRecord.WIALON_IPS, null, IMEI, null);
    Instant t = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
    WialonData fix = WialonData.position(t, 55.85, 37.64, 30.0, 90.0, 150.0, 9);
    try (TcpServerWithoutKafka gateway =
        new TcpServerWithoutKafka(
            device,
            parts ->
                new WialonSessionFactory(
                    new TestWialonConfig(), parts.ingest(), parts.stats(), parts.clock()))) {
      try (WialonTestClient tracker = new WialonTestClient(gateway.port())) {
        assertEquals(
            "#AL#1", tracker.call(WialonDeviceEncoder.login(WialonVersion.V2_0, IMEI, "NA")));
        assertNull(
            tracker.call(WialonDeviceEncoder.data(WialonVersion.V2_0, fix)),
            "no #AD# answer: the connection is closed instead");
      }
      try (WialonTestClient tracker = new WialonTestClient(gateway.port())) {
        assertEquals(
            "#AL#1", tracker.call(WialonDeviceEncoder.login(WialonVersion.V2_0, IMEI, "NA")));
        assertNull(
            tracker.call(
                WialonDeviceEncoder.blackBox(
                    WialonVersion.V2_0,
                    List.of(new WialonPacket.ShortData(fix), new WialonPacket.ShortData(fix)))),
            "no #AB# answer for a black box either");
      }
    }
  }

  /** Settings of a test server. */
  private static final class TestWialonConfig extends TestTcpConfig implements WialonConfig {
    public int maxUnrecognizedLines() {
      return 10;
    }
  }
}
