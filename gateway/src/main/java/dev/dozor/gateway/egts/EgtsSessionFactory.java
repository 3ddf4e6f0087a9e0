package dev.dozor.gateway.egts;

import dev.dozor.events.DeviceRecord;
import dev.dozor.gateway.ingest.FixIngestService;
import dev.dozor.gateway.registry.DeviceRegistry;
import dev.dozor.gateway.stats.GatewayStats;
import dev.dozor.gateway.tcp.TcpConnection;
import dev.dozor.gateway.tcp.TcpServerSettings;
import dev.dozor.gateway.tcp.TcpSession;
import dev.dozor.gateway.tcp.TcpSessionFactory;
import jakarta.enterprise.context.ApplicationScoped;

/** The EGTS (GOST 33472) TCP protocol: one {@link EgtsSession} per terminal connection. */
@ApplicationScoped
public class EgtsSessionFactory implements TcpSessionFactory {
  private final EgtsConfig config;
  private final FixIngestService ingest;
  private final DeviceRegistry registry;
  private final GatewayStats stats;

  public EgtsSessionFactory(
      EgtsConfig config, FixIngestService ingest, DeviceRegistry registry, GatewayStats stats) {
    this.config = config;
    this.ingest = ingest;
    this.registry = registry;
    this.stats = stats;
  }

  @Override
  public String protocol() {
    return DeviceRecord.EGTS;
  }

  @Override
  public TcpServerSettings settings() {
    return config.settings();
  }

  @Override
  public TcpSession open(TcpConnection connection) {
    return new EgtsSession(connection, ingest, registry, stats);
  }
}
