package dev.dozor.rules.restore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.rules.telemetry.FreshConsumerGroupResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Checkpoints in the real rules schema: written, overwritten forward only, read back whole. */
@QuarkusTest
@QuarkusTestResource(FreshConsumerGroupResource.class)
class CheckpointStoreTest {
  @Inject CheckpointStore store;

  @Test
  void aCheckpointIsReadBackAsWrittenAndNeverMovesBackwards() {
    String group = "test-" + UUID.randomUUID();
    byte[] state = new byte[300_000];
    for (int i = 0; i < state.length; i++) {
      state[i] = (byte) (i * 31);
    }
    store.write(group, "topic", new CheckpointStore.Checkpoint(3, 120, 17, state, "rules-a"));
    store.write(group, "topic", new CheckpointStore.Checkpoint(3, 100, 1, new byte[] {1}, "old"));

    CheckpointStore.Checkpoint read = store.read(group, "topic", 3).orElseThrow();
    assertEquals(120, read.nextOffset());
    assertEquals(17, read.vehicles());
    assertEquals("rules-a", read.writtenBy());
    assertArrayEquals(state, read.state());
    assertTrue(store.read(group, "topic", 4).isEmpty());
  }
}
