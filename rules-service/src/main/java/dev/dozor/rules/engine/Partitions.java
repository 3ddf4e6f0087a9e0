package dev.dozor.rules.engine;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/** Which telemetry partition a vehicle's points land in: Kafka's default partitioner on the key. */
public final class Partitions {
  private Partitions() {}

  public static int of(String vehicleId, int partitions) {
    return Utils.toPositive(murmur2(vehicleId)) % partitions;
  }

  /**
   * Kafka's {@link Utils#murmur2} of the key's UTF-8 bytes. An ASCII id (every id the fleet has) is
   * its own bytes, so its characters are hashed as they are, without encoding the id a point.
   */
  static int murmur2(String key) {
    int length = key.length();
    for (int i = 0; i < length; i++) {
      if (key.charAt(i) >= 0x80) {
        return Utils.murmur2(key.getBytes(StandardCharsets.UTF_8));
      }
    }
    final int seed = 0x9747b28c;
    final int m = 0x5bd1e995;
    final int r = 24;
    int h = seed ^ length;
    int quads = length / 4;
    for (int i = 0; i < quads; i++) {
      int at = 4 * i;
      int k =
          (key.charAt(at) & 0xff)
              + ((key.charAt(at + 1) & 0xff) << 8)
              + ((key.charAt(at + 2) & 0xff) << 16)
              + ((key.charAt(at + 3) & 0xff) << 24);
      k *= m;
      k ^= k >>> r;
      k *= m;
      h *= m;
      h ^= k;
    }
    int tail = quads * 4;
    switch (length % 4) {
      case 3:
        h ^= (key.charAt(tail + 2) & 0xff) << 16;
      // fall through
      case 2:
        h ^= (key.charAt(tail + 1) & 0xff) << 8;
      // fall through
      case 1:
        h ^= key.charAt(tail) & 0xff;
        h *= m;
      // fall through
      default:
        break;
    }
    h ^= h >>> 13;
    h *= m;
    h ^= h >>> 15;
    return h;
  }
}
