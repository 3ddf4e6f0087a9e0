package dev.dozor.simulator.client;

import dev.dozor.events.TelemetryPoint;
import java.time.Instant;
import java.util.List;

/**
 * Told about every batch the gateway acknowledged (2xx), once per batch, with the time the
 * acknowledgement arrived. A batch refused (503, connection lost) and retried is reported only when
 * a later attempt is acknowledged. Called on a sender thread: implementations must be thread-safe
 * and quick.
 */
@FunctionalInterface
public interface AckListener {
  void onAcknowledged(String vehicleId, List<TelemetryPoint> points, Instant ackTime);
}
