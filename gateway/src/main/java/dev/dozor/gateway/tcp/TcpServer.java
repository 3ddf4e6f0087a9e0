package dev.dozor.gateway.tcp;

import dev.dozor.gateway.stats.GatewayStats;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * One protocol's TCP server: accepts connections (at most {@code max-connections-per-ip} per IP),
 * closes idle ones, and hands each to a session from its {@link TcpSessionFactory}. Knows nothing
 * about the protocol itself.
 */
public final class TcpServer {
  private static final Logger LOG = Logger.getLogger(TcpServer.class);

  private final Vertx vertx;
  private final String host;
  private final TcpSessionFactory factory;
  private final TcpServerSettings settings;
  private final GatewayStats stats;
  private final Map<String, Integer> perIp = new ConcurrentHashMap<>();
  private final Set<VertxTcpConnection> connections = ConcurrentHashMap.newKeySet();
  private final AtomicLong ids = new AtomicLong();
  private volatile NetServer server;

  public TcpServer(Vertx vertx, String host, TcpSessionFactory factory, GatewayStats stats) {
    this.vertx = vertx;
    this.host = host;
    this.factory = factory;
    this.settings = factory.settings();
    this.stats = stats;
  }

  /** Binds and listens; returns the actual port (useful when the configured port is 0). */
  public int start(Duration timeout) throws Exception {
    NetServerOptions options = new NetServerOptions().setHost(host).setPort(settings.port());
    long idle = settings.idleTimeout().toMillis();
    if (idle > 0) {
      // Vert.x closes a connection that received nothing for this long
      options.setReadIdleTimeout((int) Math.min(idle, Integer.MAX_VALUE));
      options.setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    }
    NetServer created = vertx.createNetServer(options).connectHandler(this::accept);
    server =
        created
            .listen()
            .toCompletionStage()
            .toCompletableFuture()
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    LOG.infof(
        "%s server listening on %s:%d (max %d connections per IP, idle timeout %s, %d"
            + " un-acknowledged records per connection)",
        protocol(),
        host,
        server.actualPort(),
        settings.maxConnectionsPerIp(),
        settings.idleTimeout(),
        settings.maxUnackedRecords());
    return server.actualPort();
  }

  /** The bound port, or -1 before {@link #start}. */
  public int port() {
    NetServer s = server;
    return s == null ? -1 : s.actualPort();
  }

  public String protocol() {
    return factory.protocol();
  }

  public TcpServerSettings settings() {
    return settings;
  }

  /** Connections open now. */
  public int openConnections() {
    return connections.size();
  }

  /** Stops listening and closes every connection (their pending answers are dropped). */
  public void close(Duration timeout) throws Exception {
    NetServer s = server;
    if (s == null) {
      return;
    }
    List.copyOf(connections).forEach(VertxTcpConnection::abort);
    s.close()
        .toCompletionStage()
        .toCompletableFuture()
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    LOG.infof("%s server on port %d closed", protocol(), s.actualPort());
  }

  GatewayStats stats() {
    return stats;
  }

  void connectionClosed(VertxTcpConnection connection) {
    if (connections.remove(connection)) {
      perIp.computeIfPresent(connection.ip(), (ip, n) -> n <= 1 ? null : n - 1);
      stats.connectionClosed(protocol());
    }
  }

  private void accept(NetSocket socket) {
    String ip = socket.remoteAddress().hostAddress();
    int count = perIp.merge(ip, 1, Integer::sum);
    if (count > settings.maxConnectionsPerIp()) {
      perIp.computeIfPresent(ip, (k, n) -> n <= 1 ? null : n - 1);
      stats.connectionRefused(protocol());
      LOG.infof(
          "refused a %s connection from %s: it already has %d open (max-connections-per-ip)",
          protocol(), ip, count - 1);
      socket.close();
      return;
    }
    Context context = Vertx.currentContext();
    VertxTcpConnection connection =
        new VertxTcpConnection(this, socket, context, protocol() + "-" + ids.incrementAndGet());
    connections.add(connection);
    stats.connectionOpened(protocol());
    LOG.debugf("[%s] connected", connection.describe());
    connection.start(factory);
  }
}
