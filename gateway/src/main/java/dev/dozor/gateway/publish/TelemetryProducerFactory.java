package dev.dozor.gateway.publish;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.events.kafka.JsonSerializer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creates the one telemetry producer of the application: durable, idempotent, bounded in time. */
@ApplicationScoped
public class TelemetryProducerFactory {

  @Produces
  @ApplicationScoped
  Producer<String, TelemetryPoint> telemetryProducer(
      PublishConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
    return create(bootstrap, config);
  }

  void close(@Disposes Producer<String, TelemetryPoint> producer) {
    producer.close(Duration.ofSeconds(5));
  }

  /** A producer for {@code bootstrap} with {@link #properties}. */
  public static KafkaProducer<String, TelemetryPoint> create(
      String bootstrap, PublishConfig config) {
    return new KafkaProducer<>(
        properties(bootstrap, config), new StringSerializer(), new JsonSerializer<>());
  }

  /**
   * Producer settings. {@code acks=all} + idempotence is what makes a 202 mean "stored"; the
   * timeouts make a dead broker surface as a failed future instead of a hanging request.
   */
  public static Map<String, Object> properties(String bootstrap, PublishConfig config) {
    long delivery = config.deliveryTimeout().toMillis();
    // Kafka refuses delivery.timeout.ms < linger.ms + request.timeout.ms
    long request =
        Math.max(1, Math.min(config.requestTimeout().toMillis(), delivery - config.lingerMs()));
    Map<String, Object> p = new HashMap<>();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "dozor-gateway-telemetry");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, config.lingerMs());
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression());
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, config.batchSizeBytes());
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) request);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.maxBlock().toMillis());
    return p;
  }
}
