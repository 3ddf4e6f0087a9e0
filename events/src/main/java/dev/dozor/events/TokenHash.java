package dev.dozor.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Device tokens are random secrets of at least 128 bits, so an unsalted SHA-256 is enough to store
 * and publish them without revealing them, and lets the gateway look a device up by its token.
 */
public final class TokenHash {
  private TokenHash() {}

  public static String sha256Hex(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
