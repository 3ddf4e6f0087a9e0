package dev.dozor.telemetry.common;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.common.header.Header;

/**
 * Splitting a consumed batch into what can be stored and what goes to the dead-letter topic. A
 * record is dead-lettered by nacking it with a {@link PoisonRecordException}, whose message becomes
 * the record's {@code dead-letter-reason} header.
 */
public final class PoisonRecords {
  private static final String DESERIALIZATION_REASON = "deserialization-failure-reason";

  private PoisonRecords() {}

  /**
   * The storable payloads of a batch, and the dead-lettering of the rest (completes when every
   * poison record was nacked).
   */
  public record Split<T>(List<T> storable, Uni<Void> deadLettered) {}

  /**
   * @param problem why a record cannot be stored, or empty
   * @param deadLetter logs and nacks one record (see {@link #nack})
   */
  public static <T> Split<T> split(
      Iterable<KafkaRecord<String, T>> batch,
      Function<KafkaRecord<String, T>, Optional<String>> problem,
      BiFunction<KafkaRecord<String, T>, String, Uni<Void>> deadLetter) {
    List<T> storable = new ArrayList<>();
    List<Uni<Void>> deadLetters = new ArrayList<>();
    for (KafkaRecord<String, T> record : batch) {
      Optional<String> why = problem.apply(record);
      if (why.isPresent()) {
        deadLetters.add(deadLetter.apply(record, why.get()));
      } else {
        storable.add(record.getPayload());
      }
    }
    Uni<Void> deadLettered =
        deadLetters.isEmpty()
            ? Uni.createFrom().voidItem()
            : Uni.join().all(deadLetters).andFailFast().replaceWithVoid();
    return new Split<>(storable, deadLettered);
  }

  /**
   * Why a record without a payload cannot be stored: the deserializer's reason, or a tombstone.
   *
   * @param topic the topic's name for the message, e.g. {@code telemetry}
   */
  public static String missingPayload(KafkaRecord<?, ?> record, String topic) {
    Header reason = record.getHeaders().lastHeader(DESERIALIZATION_REASON);
    return reason == null
        ? "null value (tombstone) on the " + topic + " topic"
        : "undecodable: " + new String(reason.value(), StandardCharsets.UTF_8);
  }

  /** The record's offset, or -1 for a record that did not come from a consumer. */
  public static long offsetOf(KafkaRecord<?, ?> record) {
    return record instanceof IncomingKafkaRecord<?, ?> incoming ? incoming.getOffset() : -1;
  }

  /** Sends the record to the dead-letter topic with the problem as its reason. */
  public static Uni<Void> nack(KafkaRecord<?, ?> record, String problem) {
    return Uni.createFrom().completionStage(record.nack(new PoisonRecordException(problem)));
  }

  /** Why a record went to the dead-letter topic (carried in its {@code dead-letter-reason}). */
  public static final class PoisonRecordException extends RuntimeException {
    public PoisonRecordException(String message) {
      super(message, null, false, false);
    }
  }
}
