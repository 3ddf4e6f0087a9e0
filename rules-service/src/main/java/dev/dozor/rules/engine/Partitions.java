package dev.dozor.rules.engine;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/** Which telemetry partition a vehicle's points land in: Kafka's default partitioner on the key. */
public final class Partitions {
  private Partitions() {}

  public static int of(String vehicleId, int partitions) {
    byte[] key = vehicleId.getBytes(StandardCharsets.UTF_8);
    return Utils.toPositive(Utils.murmur2(key)) % partitions;
  }
}
