package dev.dozor.gateway.ingest;

import java.util.Optional;

/** Reads the token of an {@code Authorization: Bearer <token>} header. */
public final class BearerToken {
  private static final String SCHEME = "Bearer";

  private BearerToken() {}

  /** The token, or empty when the header is absent, of another scheme, or has no token. */
  public static Optional<String> parse(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    String value = authorization.strip();
    if (value.length() <= SCHEME.length()
        || !value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
        || !Character.isWhitespace(value.charAt(SCHEME.length()))) {
      return Optional.empty();
    }
    String token = value.substring(SCHEME.length()).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
