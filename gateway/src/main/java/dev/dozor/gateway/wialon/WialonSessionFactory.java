package dev.dozor.gateway.wialon;

import dev.dozor.events.DeviceRecord;
import dev.dozor.gateway.ingest.FixIngestService;
import dev.dozor.gateway.stats.GatewayStats;
import dev.dozor.gateway.tcp.TcpConnection;
import dev.dozor.gateway.tcp.TcpServerSettings;
import dev.dozor.gateway.tcp.TcpSession;
import dev.dozor.gateway.tcp.TcpSessionFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** The Wialon IPS 1.1 / 2.0 server: one {@link WialonSession} per tracker connection. */
@ApplicationScoped
public class WialonSessionFactory implements TcpSessionFactory {
  private final WialonConfig config;
  private final FixIngestService ingest;
  private final GatewayStats stats;
  private final Clock clock;

  public WialonSessionFactory(
      WialonConfig config, FixIngestService ingest, GatewayStats stats, Clock clock) {
    this.config = config;
    this.ingest = ingest;
    this.stats = stats;
    this.clock = clock;
  }

  @Override
  public String protocol() {
    return DeviceRecord.WIALON_IPS;
  }

  @Override
  public TcpServerSettings settings() {
    return config.settings();
  }

  @Override
  public TcpSession open(TcpConnection connection) {
    return new WialonSession(connection, ingest, stats, clock, config.maxUnrecognizedLines());
  }
}
