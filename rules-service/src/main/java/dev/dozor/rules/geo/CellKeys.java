package dev.dozor.rules.geo;

import java.util.Arrays;
import java.util.Collection;

/**
 * An immutable open-addressed table of grid cells, each cell a pair of int cell numbers packed in a
 * long, each at its own slot (so a caller can keep per-cell data in arrays indexed by slot). Half
 * empty at most; a look-up is a multiply, a shift and usually one probe. Its {@link #spread} also
 * makes the cell keys of hash maps in this package.
 */
public final class CellKeys {
  private static final long NONE = Long.MIN_VALUE;

  private final long[] keys;
  private final int mask;

  public CellKeys(Collection<Long> cells) {
    int capacity = Integer.highestOneBit(Math.max(4, cells.size() * 2)) * 2;
    mask = capacity - 1;
    keys = new long[capacity];
    Arrays.fill(keys, NONE);
    for (long key : cells) {
      keys[probe(key)] = key;
    }
  }

  /** The key of cell (cx, cy); cell numbers must fit an int. */
  public static long key(long cx, long cy) {
    return (cx << 32) | (cy & 0xffffffffL);
  }

  /**
   * The key mixed over all 64 bits, one to one (SplitMix64's finalizer), for a key of a {@code
   * java.util} hash map: a packed key's {@code Long.hashCode} (high half xor low half) is {@code cx
   * ^ cy}, the same for every cell of a diagonal, and the map's bins turn into trees.
   */
  static long spread(long key) {
    long z = (key ^ (key >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** The slot of the cell, or -1 if it is not in the table. */
  public int slot(long key) {
    int s = probe(key);
    return keys[s] == key ? s : -1;
  }

  /** Slots (some empty). */
  public int capacity() {
    return keys.length;
  }

  /** The slot holding the key, or the empty slot where it would go. */
  private int probe(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    int s = (int) (h ^ (h >>> 32)) & mask;
    while (keys[s] != NONE && keys[s] != key) {
      s = (s + 1) & mask;
    }
    return s;
  }
}
