package dev.dozor.simulator.client;

import java.util.BitSet;

/**
 * What a {@link FixSender} made of one batch: which fixes the gateway acknowledged (drop them from
 * the black box), which it refused as malformed (a simulator bug: drop and count), and the answer
 * of the last attempt. Every other fix of the batch stays buffered for a later attempt.
 *
 * @param acknowledged indexes into the batch that the gateway acknowledged
 * @param rejected indexes into the batch that the gateway refused for good (HTTP 400 and alike)
 * @param last the last answer, for logs and the progress line
 */
public record Delivery(BitSet acknowledged, BitSet rejected, SendResult last) {

  public Delivery {
    acknowledged = (BitSet) acknowledged.clone();
    rejected = (BitSet) rejected.clone();
  }

  @Override
  public BitSet acknowledged() {
    return (BitSet) acknowledged.clone();
  }

  @Override
  public BitSet rejected() {
    return (BitSet) rejected.clone();
  }

  /** The whole batch of {@code size} fixes got the single answer {@code result}. */
  public static Delivery whole(int size, SendResult result) {
    BitSet all = new BitSet(size);
    all.set(0, size);
    BitSet none = new BitSet();
    return switch (result.outcome()) {
      case ACCEPTED -> new Delivery(all, none, result);
      case REJECTED -> new Delivery(none, all, result);
      case UNAVAILABLE -> new Delivery(none, none, result);
    };
  }

  /** Fixes the gateway acknowledged. */
  public int acknowledgedCount() {
    return acknowledged.cardinality();
  }

  /** Fixes the gateway refused for good. */
  public int rejectedCount() {
    return rejected.cardinality();
  }

  /** Whether every fix of a batch of {@code size} was settled (acknowledged or refused). */
  public boolean settlesAll(int size) {
    BitSet settled = acknowledged();
    settled.or(rejected);
    return settled.nextClearBit(0) >= size;
  }
}
