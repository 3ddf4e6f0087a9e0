package dev.dozor.gateway.wialon;

import dev.dozor.gateway.tcp.TcpServerSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The Wialon IPS over TCP server: port and the limits that protect the gateway from one device. */
@ConfigMapping(prefix = "dozor.gateway.wialon")
public interface WialonConfig {

  /** Whether the server listens at all. */
  @WithDefault("true")
  boolean enabled();

  /** TCP port; 0 picks a free one (tests). */
  @WithDefault("18039")
  int port();

  /** Most bytes buffered without a complete frame; more closes the connection. */
  @WithDefault("65536")
  int maxFrameBytes();

  /** A connection that sent nothing for this long is closed; PT0S disables. */
  @WithDefault("PT5M")
  Duration idleTimeout();

  /** More simultaneous connections from one IP are closed at once (mind carrier NAT). */
  @WithDefault("500")
  int maxConnectionsPerIp();

  /** Reading from a connection pauses while this many records await Kafka's acknowledgement. */
  @WithDefault("1000")
  int maxUnackedRecords();

  /**
   * Lines without a Wialon packet header (or of a type the gateway does not handle) tolerated per
   * connection before it is closed; each one is counted as malformed and not answered.
   */
  @WithDefault("10")
  int maxUnrecognizedLines();

  /** The settings as a value for the TCP infrastructure. */
  default TcpServerSettings settings() {
    return new TcpServerSettings(
        enabled(),
        port(),
        maxFrameBytes(),
        idleTimeout(),
        maxConnectionsPerIp(),
        maxUnackedRecords());
  }
}
