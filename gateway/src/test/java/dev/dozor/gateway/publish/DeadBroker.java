package dev.dozor.gateway.publish;

import dev.dozor.events.TelemetryPoint;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * A Kafka that never answers (nothing listens on port 1), with producer timeouts short enough for a
 * test: what every protocol must answer when Kafka is down.
 */
public final class DeadBroker {
  public static final String BOOTSTRAP = "127.0.0.1:1";

  private DeadBroker() {}

  /** Producer settings that give up after 1.5 s. */
  public record ShortTimeouts() implements PublishConfig {
    public Duration deliveryTimeout() {
      return Duration.ofMillis(1500);
    }

    public Duration maxBlock() {
      return Duration.ofMillis(500);
    }

    public Duration requestTimeout() {
      return Duration.ofSeconds(10);
    }

    public int lingerMs() {
      return 5;
    }

    public String compression() {
      return "lz4";
    }

    public int batchSizeBytes() {
      return 65536;
    }

    public int retryAfterSeconds() {
      return 5;
    }
  }

  public static KafkaProducer<String, TelemetryPoint> producer() {
    return TelemetryProducerFactory.create(BOOTSTRAP, new ShortTimeouts());
  }
}
