package dev.dozor.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BearerTokenTest {
  @Test
  void readsTokenOfBearerSchemeCaseInsensitively() {
    assertEquals(Optional.of("abc123"), BearerToken.parse("Bearer abc123"));
    assertEquals(Optional.of("abc123"), BearerToken.parse("bearer   abc123 "));
  }

  @Test
  void refusesMissingHeaderOtherSchemeAndEmptyToken() {
    assertEquals(Optional.empty(), BearerToken.parse(null));
    assertEquals(Optional.empty(), BearerToken.parse("Basic dXNlcjpwYXNz"));
    assertEquals(Optional.empty(), BearerToken.parse("Bearer"));
    assertEquals(Optional.empty(), BearerToken.parse("Bearer   "));
    assertEquals(Optional.empty(), BearerToken.parse("Bearerabc"));
  }
}
