package dev.dozor.rules.telemetry;

import dev.dozor.events.TelemetryPoint;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Where one telemetry batch's time went, for the DEBUG line an operator turns on to see what makes
 * violations late: how long its oldest record sat in Kafka before the batch reached the service,
 * the engine, the checkpoint capture (on the engine's thread, while Kafka acknowledges the batch's
 * events) and the time from the engine's end to the last acknowledgement. Wall-clock milliseconds;
 * the record times are the topic's timestamps.
 */
final class BatchTiming {
  /** Records nothing: the DEBUG line is off. */
  static final BatchTiming OFF = new BatchTiming(false, 0, 0);

  private final boolean on;
  private final long receivedMs;
  private final long oldestRecordMs;
  private long engineStartMs;
  private long engineEndMs;
  private long capturedMs;

  private BatchTiming(boolean on, long receivedMs, long oldestRecordMs) {
    this.on = on;
    this.receivedMs = receivedMs;
    this.oldestRecordMs = oldestRecordMs;
  }

  static BatchTiming received(KafkaRecordBatch<String, TelemetryPoint> batch) {
    long now = System.currentTimeMillis();
    long oldest = now;
    for (KafkaRecord<String, TelemetryPoint> record : batch.getRecords()) {
      oldest =
          Math.min(
              oldest,
              record
                  .getMetadata(IncomingKafkaRecordMetadata.class)
                  .map(m -> m.getTimestamp().toEpochMilli())
                  .orElse(now));
    }
    return new BatchTiming(true, now, oldest);
  }

  boolean isOn() {
    return on;
  }

  void engineStarted() {
    if (on) {
      engineStartMs = System.currentTimeMillis();
    }
  }

  void engineEnded() {
    if (on) {
      engineEndMs = System.currentTimeMillis();
    }
  }

  void captured() {
    if (on) {
      capturedMs = System.currentTimeMillis();
    }
  }

  /** The line for a batch whose events Kafka acknowledged just now. */
  String describe(int points, int partitions, int violations, int checkpoints) {
    long publishedMs = System.currentTimeMillis();
    return String.format(
        "batch of %d points from %d partitions: oldest record %d ms in Kafka, %d ms queued, engine %d"
            + " ms, %d checkpoint(s) captured in %d ms while Kafka acknowledged the %d violation"
            + " events, %d ms after the engine; %d ms since the oldest record",
        points,
        partitions,
        receivedMs - oldestRecordMs,
        engineStartMs - receivedMs,
        engineEndMs - engineStartMs,
        checkpoints,
        capturedMs - engineEndMs,
        violations,
        publishedMs - engineEndMs,
        publishedMs - oldestRecordMs);
  }
}
