package dev.dozor.telemetry.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.DeviceRecord;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The start-up re-publication sends a snapshot read at its start; a device changed meanwhile must
 * reach the topic after the snapshot's older value, or the gateway would keep the stale token.
 */
class RegistryPublisherOrderTest {
  private final List<Object> sent = new ArrayList<>();

  @SuppressWarnings("unchecked")
  private final MutinyEmitter<Record<String, Object>> emitter =
      (MutinyEmitter<Record<String, Object>>)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {MutinyEmitter.class},
              (proxy, method, args) -> {
                if (method.getName().equals("send")) {
                  return Uni.createFrom()
                      .voidItem()
                      .invoke(() -> sent.add(((Record<?, ?>) args[0]).value()));
                }
                throw new UnsupportedOperationException(method.getName());
              });

  @Test
  void aChangeMadeDuringTheRepublicationIsPublishedAfterTheSnapshotNotBefore() {
    RegistryPublisher publisher = new RegistryPublisher(emitter);
    DeviceRecord stale = DeviceRecord.of("dev-1", "veh-1", DeviceRecord.HTTP_JSON, "old-hash");
    DeviceRecord fresh = DeviceRecord.of("dev-1", "veh-1", DeviceRecord.HTTP_JSON, "new-hash");

    Uni<Void> change = publisher.device(fresh);
    List<Void> changeDone = new ArrayList<>();
    change.subscribe().with(changeDone::add);
    assertTrue(sent.isEmpty(), "the change waits for the re-publication");
    assertTrue(changeDone.isEmpty(), "and so does its caller");

    publisher.republishedDevice(stale).await().indefinitely();
    publisher.markRepublished();

    assertEquals(List.of(stale, fresh), sent, "the fresh value is the last one on the topic");
    assertEquals(1, changeDone.size());
    assertTrue(publisher.isRepublished());
  }

  @Test
  void afterTheRepublicationChangesAreSentAtOnce() {
    RegistryPublisher publisher = new RegistryPublisher(emitter);
    publisher.markRepublished();
    DeviceRecord d = DeviceRecord.of("dev-2", "veh-2", DeviceRecord.HTTP_JSON, "hash");
    publisher.device(d).await().indefinitely();
    assertEquals(List.of(d), sent);
  }
}
