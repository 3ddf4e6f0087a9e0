package dev.dozor.simulator.client;

import dev.dozor.events.TelemetryPoint;
import java.util.List;

/** A device speaking the gateway's own HTTP JSON protocol with its bearer token. */
public final class HttpJsonSender implements FixSender {
  private final GatewayClient gateway;
  private final String token;

  public HttpJsonSender(GatewayClient gateway, String token) {
    this.gateway = gateway;
    this.token = token;
  }

  /** The whole batch in one POST; its status settles every fix. */
  @Override
  public Delivery send(List<TelemetryPoint> points) {
    return Delivery.whole(points.size(), gateway.send(token, points));
  }

  @Override
  public String endpoint() {
    return gateway.endpoint().toString();
  }
}
