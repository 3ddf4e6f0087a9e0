package dev.dozor.simulator.client;

import dev.dozor.events.TokenHash;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Device secrets: 32 hex characters (128 bits), random per run or derived from a seed. */
public final class DeviceTokens {
  private static final int TOKEN_BYTES = 16;

  private final String seed;
  private final SecureRandom random;
  private final Map<String, String> issued = new ConcurrentHashMap<>();

  private DeviceTokens(String seed) {
    this.seed = seed;
    this.random = seed == null ? new SecureRandom() : null;
  }

  /** Fresh random tokens, one per device, stable for the life of this object. */
  public static DeviceTokens random() {
    return new DeviceTokens(null);
  }

  /** Reproducible tokens: the first 32 hex characters of SHA-256(seed + "/" + deviceId). */
  public static DeviceTokens derivedFrom(String seed) {
    if (seed == null || seed.isBlank()) {
      throw new IllegalArgumentException("token seed must not be blank");
    }
    return new DeviceTokens(seed);
  }

  /** The token of {@code deviceId}; the same device always gets the same token. */
  public String tokenFor(String deviceId) {
    return issued.computeIfAbsent(deviceId, this::issue);
  }

  private String issue(String deviceId) {
    if (seed != null) {
      return TokenHash.sha256Hex(seed + "/" + deviceId).substring(0, TOKEN_BYTES * 2);
    }
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
