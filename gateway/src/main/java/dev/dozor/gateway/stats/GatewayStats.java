package dev.dozor.gateway.stats;

import dev.dozor.events.DeviceRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per-protocol counters of what the gateway accepted and refused. Thread-safe and lock-free: every
 * request and connection thread updates them.
 */
@ApplicationScoped
public class GatewayStats {
  /** Protocols that always appear in a snapshot, even before their first request. */
  public static final List<String> PROTOCOLS =
      List.of(
          DeviceRecord.HTTP_JSON, DeviceRecord.OSMAND, DeviceRecord.EGTS, DeviceRecord.WIALON_IPS);

  private final Map<String, Counters> byProtocol = new ConcurrentHashMap<>();
  private final Instant since = Instant.now();

  private static final class Counters {
    final LongAdder accepted = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder unknown = new LongAdder();
    final LongAdder malformed = new LongAdder();
    final AtomicLong open = new AtomicLong();
    final LongAdder refused = new LongAdder();

    ProtocolStats snapshot() {
      return new ProtocolStats(
          accepted.sum(), dropped.sum(), unknown.sum(), malformed.sum(), open.get(), refused.sum());
    }
  }

  public GatewayStats() {
    PROTOCOLS.forEach(this::counters);
  }

  /** When counting started (the gateway's start). */
  public Instant since() {
    return since;
  }

  public void acceptedPoints(String protocol, int count) {
    counters(protocol).accepted.add(count);
  }

  public void droppedFixes(String protocol, int count) {
    counters(protocol).dropped.add(count);
  }

  public void unknownDevice(String protocol) {
    counters(protocol).unknown.increment();
  }

  public void malformed(String protocol) {
    counters(protocol).malformed.increment();
  }

  public void connectionOpened(String protocol) {
    counters(protocol).open.incrementAndGet();
  }

  public void connectionClosed(String protocol) {
    counters(protocol).open.decrementAndGet();
  }

  public void connectionRefused(String protocol) {
    counters(protocol).refused.increment();
  }

  /** The counters of every protocol, by name in alphabetical order. */
  public Map<String, ProtocolStats> snapshot() {
    Map<String, ProtocolStats> snapshot = new TreeMap<>();
    byProtocol.forEach((protocol, counters) -> snapshot.put(protocol, counters.snapshot()));
    return snapshot;
  }

  /**
   * One log line naming what changed between two snapshots, protocol by protocol; null when nothing
   * changed.
   */
  public static String describeChanges(
      Map<String, ProtocolStats> before, Map<String, ProtocolStats> after) {
    StringJoiner line = new StringJoiner("; ");
    after.forEach(
        (protocol, now) -> {
          ProtocolStats then = before.getOrDefault(protocol, new ProtocolStats(0, 0, 0, 0, 0, 0));
          if (now.sameAs(then)) {
            return;
          }
          line.add(
              protocol
                  + " +"
                  + (now.acceptedPoints() - then.acceptedPoints())
                  + " points, +"
                  + (now.droppedFixes() - then.droppedFixes())
                  + " dropped fixes, +"
                  + (now.unknownDevices() - then.unknownDevices())
                  + " unknown devices, +"
                  + (now.malformed() - then.malformed())
                  + " malformed, +"
                  + (now.refusedConnections() - then.refusedConnections())
                  + " refused connections, "
                  + now.openConnections()
                  + " open");
        });
    return line.length() == 0 ? null : line.toString();
  }

  private Counters counters(String protocol) {
    return byProtocol.computeIfAbsent(protocol, p -> new Counters());
  }
}
