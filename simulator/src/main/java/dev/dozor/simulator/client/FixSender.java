package dev.dozor.simulator.client;

import dev.dozor.events.TelemetryPoint;
import java.util.List;

/**
 * One device's way to the gateway: HTTP JSON, OsmAnd, EGTS or Wialon IPS. {@link DeviceOutbox}
 * calls it with the oldest buffered fixes and keeps whatever the answer does not acknowledge.
 * Implementations never block forever (every socket and request has a timeout) and never throw for
 * network trouble; they throw {@link SimulatorException} only when the operator must act (the
 * gateway kept refusing the device after the registration wait).
 */
public interface FixSender extends AutoCloseable {

  /** One delivery attempt of {@code points} (one device's, oldest first). */
  Delivery send(List<TelemetryPoint> points);

  /** Where the fixes go, for messages: a URL or {@code egts://host:port}. */
  String endpoint();

  /** Releases a connection if the sender holds one; sending again reconnects. */
  @Override
  default void close() {}
}
