package dev.dozor.simulator.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which protocol each simulated tracker speaks: shares in percent, e.g. {@code
 * http-json:40,egts:30,wialon-ips:20,osmand:10}. The assignment is deterministic and exact for any
 * fleet size: the shares are apportioned to whole vehicles (largest remainder), then dealt out with
 * a smooth weighted round robin, so the protocols interleave along the fleet instead of coming in
 * blocks. Vehicle 0 (sim-plough-01, the SPD-001 offender) gets the largest share, HTTP JSON in the
 * default mix.
 *
 * @param shares percent per protocol, in the order given, each > 0, summing to 100
 */
public record ProtocolMix(Map<DeviceProtocol, Integer> shares) {
  public static final String DEFAULT_TEXT = "http-json:40,egts:30,wialon-ips:20,osmand:10";

  private static final int PERCENT = 100;

  public ProtocolMix {
    if (shares == null || shares.isEmpty()) {
      throw new IllegalArgumentException("a protocol mix needs at least one protocol");
    }
    int sum = 0;
    for (Map.Entry<DeviceProtocol, Integer> e : shares.entrySet()) {
      if (e.getValue() == null || e.getValue() <= 0) {
        throw new IllegalArgumentException(
            "share of " + e.getKey().wireName() + " must be a positive percentage");
      }
      sum += e.getValue();
    }
    if (sum != PERCENT) {
      throw new IllegalArgumentException("protocol shares must add up to 100, got " + sum);
    }
    shares = Collections.unmodifiableMap(new LinkedHashMap<>(shares));
  }

  /** The default mix: 40 % HTTP JSON, 30 % EGTS, 20 % Wialon IPS, 10 % OsmAnd. */
  public static ProtocolMix defaults() {
    return parse(DEFAULT_TEXT);
  }

  /** Every tracker speaks {@code protocol}. */
  public static ProtocolMix only(DeviceProtocol protocol) {
    return new ProtocolMix(Map.of(protocol, PERCENT));
  }

  /**
   * {@code name:percent,...}; a single name without a percentage means 100 %.
   *
   * @throws IllegalArgumentException naming the bad part
   */
  public static ProtocolMix parse(String text) {
    Map<DeviceProtocol, Integer> shares = new LinkedHashMap<>();
    String[] parts = text.split(",");
    for (String part : parts) {
      if (part.isBlank()) {
        continue;
      }
      int colon = part.indexOf(':');
      if (colon < 0 && parts.length > 1) {
        throw new IllegalArgumentException(
            "'" + part.trim() + "' needs a share, e.g. " + part.trim() + ":30");
      }
      DeviceProtocol protocol = DeviceProtocol.byName(colon < 0 ? part : part.substring(0, colon));
      int share;
      try {
        share = colon < 0 ? PERCENT : Integer.parseInt(part.substring(colon + 1).trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "share of " + protocol.wireName() + " must be a whole percentage in '" + part + "'");
      }
      if (share == 0) {
        continue;
      }
      if (shares.put(protocol, share) != null) {
        throw new IllegalArgumentException(protocol.wireName() + " is given twice");
      }
    }
    return new ProtocolMix(shares);
  }

  /** The protocol of each of {@code vehicles} trackers, in vehicle order. */
  public List<DeviceProtocol> assign(int vehicles) {
    Map<DeviceProtocol, Integer> counts = apportion(vehicles);
    Map<DeviceProtocol, Integer> current = new EnumMap<>(DeviceProtocol.class);
    List<DeviceProtocol> out = new ArrayList<>(vehicles);
    for (int i = 0; i < vehicles; i++) {
      DeviceProtocol best = null;
      for (Map.Entry<DeviceProtocol, Integer> e : counts.entrySet()) {
        int c = current.merge(e.getKey(), e.getValue(), Integer::sum);
        if (best == null || c > current.get(best)) {
          best = e.getKey();
        }
      }
      current.merge(best, -vehicles, Integer::sum);
      out.add(best);
    }
    return out;
  }

  /** Whole vehicles per protocol (largest remainder; ties go to the protocol listed first). */
  Map<DeviceProtocol, Integer> apportion(int vehicles) {
    Map<DeviceProtocol, Integer> counts = new LinkedHashMap<>();
    List<DeviceProtocol> byRemainder = new ArrayList<>(shares.keySet());
    int given = 0;
    for (Map.Entry<DeviceProtocol, Integer> e : shares.entrySet()) {
      int whole = vehicles * e.getValue() / PERCENT;
      counts.put(e.getKey(), whole);
      given += whole;
    }
    byRemainder.sort(
        (a, b) ->
            Integer.compare(
                vehicles * shares.get(b) % PERCENT, vehicles * shares.get(a) % PERCENT));
    for (int i = 0; i < vehicles - given; i++) {
      counts.merge(byRemainder.get(i), 1, Integer::sum);
    }
    return counts;
  }

  /** {@code http-json:40,egts:30,...}, as parsed. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    shares.forEach((p, s) -> parts.add(p.wireName() + ":" + s));
    return String.join(",", parts);
  }
}
