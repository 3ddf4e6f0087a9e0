package dev.dozor.simulator.protocol;

import dev.dozor.simulator.client.FixSender;
import dev.dozor.simulator.client.GatewayClient;
import dev.dozor.simulator.client.HttpJsonSender;
import dev.dozor.simulator.protocol.egts.EgtsTerminalClient;
import dev.dozor.simulator.protocol.osmand.OsmAndClient;
import dev.dozor.simulator.protocol.wialon.WialonTerminalClient;
import java.net.URI;
import java.net.http.HttpClient;

/** Builds each simulated tracker's {@link FixSender} for the protocol it speaks. */
public final class DeviceSenders {
  private final GatewayClient httpJson;
  private final HostPort egts;
  private final HostPort wialon;
  private final URI osmand;
  private final TerminalSettings settings;
  private HttpClient osmandHttp;

  /**
   * @param httpJson the gateway's HTTP JSON endpoint
   * @param egts the gateway's EGTS TCP port
   * @param wialon the gateway's Wialon IPS TCP port
   * @param osmand the gateway's OsmAnd base URL
   * @param settings timing of the EGTS, Wialon and OsmAnd clients
   */
  public DeviceSenders(
      GatewayClient httpJson,
      HostPort egts,
      HostPort wialon,
      URI osmand,
      TerminalSettings settings) {
    this.httpJson = httpJson;
    this.egts = egts;
    this.wialon = wialon;
    this.osmand = osmand;
    this.settings = settings;
  }

  /** A new sender for {@code device}; OsmAnd trackers share one HTTP client. */
  public synchronized FixSender senderFor(SimDevice device) {
    return switch (device.protocol()) {
      case HTTP_JSON -> new HttpJsonSender(httpJson, device.token());
      case EGTS -> new EgtsTerminalClient(egts, device.egtsTerminalId(), settings);
      case WIALON_IPS ->
          new WialonTerminalClient(wialon, device.terminalId(), device.password(), settings);
      case OSMAND -> {
        if (osmandHttp == null) {
          osmandHttp = OsmAndClient.newHttpClient(settings);
        }
        yield new OsmAndClient(osmand, device.terminalId(), osmandHttp, settings);
      }
    };
  }

  /** Where {@code protocol}'s fixes go, for the start-up message. */
  public String endpoint(DeviceProtocol protocol) {
    return switch (protocol) {
      case HTTP_JSON -> httpJson.endpoint().toString();
      case EGTS -> "egts://" + egts;
      case WIALON_IPS -> "wialon://" + wialon;
      case OSMAND -> osmand.toString();
    };
  }
}
