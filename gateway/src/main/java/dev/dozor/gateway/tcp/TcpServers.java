package dev.dozor.gateway.tcp;

import dev.dozor.gateway.stats.GatewayStats;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Starts one {@link TcpServer} per {@link TcpSessionFactory} bean whose settings are enabled, on
 * the bind host of the HTTP server, and closes them on shutdown. A port that cannot be bound fails
 * the start-up.
 */
@ApplicationScoped
public class TcpServers {
  private static final Logger LOG = Logger.getLogger(TcpServers.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final Vertx vertx;
  private final Instance<TcpSessionFactory> factories;
  private final GatewayStats stats;
  private final String host;
  private final Map<String, TcpServer> servers = new ConcurrentHashMap<>();

  public TcpServers(
      Vertx vertx,
      @Any Instance<TcpSessionFactory> factories,
      GatewayStats stats,
      @ConfigProperty(name = "quarkus.http.host") String host) {
    this.vertx = vertx;
    this.factories = factories;
    this.stats = stats;
    this.host = host;
  }

  void onStart(@Observes StartupEvent event) throws Exception {
    List<TcpSessionFactory> all = new ArrayList<>();
    factories.forEach(all::add);
    startAll(all);
  }

  void onStop(@Observes ShutdownEvent event) {
    closeAll();
  }

  /** Starts a server for every enabled factory; one protocol may have one factory only. */
  void startAll(List<TcpSessionFactory> all) throws Exception {
    for (TcpSessionFactory factory : all) {
      if (!factory.settings().enabled()) {
        LOG.infof("%s server disabled by configuration", factory.protocol());
        continue;
      }
      if (servers.containsKey(factory.protocol())) {
        throw new IllegalStateException(
            "two TCP session factories for protocol " + factory.protocol());
      }
      TcpServer server = new TcpServer(vertx, host, factory, stats);
      server.start(TIMEOUT);
      servers.put(factory.protocol(), server);
    }
  }

  void closeAll() {
    servers.forEach(
        (protocol, server) -> {
          try {
            server.close(TIMEOUT);
          } catch (Exception e) {
            LOG.warnf("closing the %s server failed: %s", protocol, e.toString());
          }
        });
    servers.clear();
  }

  /** The port the server of {@code protocol} listens on; empty when it does not run. */
  public OptionalInt port(String protocol) {
    TcpServer server = servers.get(protocol);
    return server == null ? OptionalInt.empty() : OptionalInt.of(server.port());
  }
}
