package dev.dozor.gateway.osmand;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dozor.protocol.FixSanity;
import dev.dozor.protocol.RawFix;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated OsmAnd requests, query and JSON forms: the decoders either give fixes or refuse with an
 * {@link OsmAndFormatException} (a 400 naming the parameter); nothing else escapes, and no fix with
 * NaN or out-of-range values gets past {@link FixSanity}.
 */
class OsmAndDecoderFuzzTest {
  private static final int MUTANTS = 20_000;
  private static final String QUERY =
      "/?id=866001&lat=55.751244&lon=37.618423&timestamp=1764384000&speed=12.5&bearing=270"
          + "&altitude=150&accuracy=5&batt=87&hdop=0.9&din1=1&valid=true&odometer=1234.5";
  private static final String JSON =
      "{\"device_id\":\"866001\",\"location\":{\"timestamp\":\"2025-11-29T03:00:00.000Z\","
          + "\"coords\":{\"latitude\":55.751244,\"longitude\":37.618423,\"speed\":3.5,"
          + "\"heading\":270,\"altitude\":150,\"accuracy\":5},\"is_moving\":true,"
          + "\"odometer\":1234500,\"battery\":{\"level\":0.87,\"is_charging\":false},"
          + "\"extras\":{\"plough\":1}}}";
  private static final String ALPHABET = "0123456789.-+eE&=;:,{}[]\"'%#?/ aZ\\\u0000\u00ff";

  @Test
  void mutatedQueryStringsAreDecodedOrRefusedNeverThrowSomethingElse() {
    Random random = new Random(20261129);
    Instant now = Instant.parse("2025-11-29T03:00:30Z");
    int decoded = 0;
    for (int i = 0; i < MUTANTS; i++) {
      String mutant = mutate(QUERY, random);
      try {
        Map<String, List<String>> params = new QueryStringDecoder(mutant).parameters();
        decoded += check(OsmAndDecoder.fromParams(params).fixes(), now, mutant);
      } catch (OsmAndFormatException expected) {
        // a 400 naming the parameter
      } catch (IllegalArgumentException notOurs) {
        // Netty refused the URI encoding before the decoder saw it (also answered 400)
      } catch (RuntimeException e) {
        fail("query mutant " + i + " threw " + e + ": " + mutant);
      }
    }
    assertTrue(decoded > MUTANTS / 20, "enough mutants decode to reach the fix checks: " + decoded);
  }

  @Test
  void mutatedJsonBodiesAreDecodedOrRefusedNeverThrowSomethingElse() {
    Random random = new Random(20261130);
    Instant now = Instant.parse("2025-11-29T03:00:30Z");
    int decoded = 0;
    for (int i = 0; i < MUTANTS; i++) {
      String mutant = mutate(JSON, random);
      try {
        decoded +=
            check(
                OsmAndJsonDecoder.fromJson(mutant.getBytes(StandardCharsets.UTF_8)).fixes(),
                now,
                mutant);
      } catch (OsmAndFormatException expected) {
        // a 400 naming the JSON path
      } catch (RuntimeException e) {
        fail("JSON mutant " + i + " threw " + e + ": " + mutant);
      }
    }
    assertTrue(decoded > MUTANTS / 20, "enough mutants decode to reach the fix checks: " + decoded);
  }

  /** Every fix is either plausible or named implausible by the gateway's sanity check. */
  private static int check(List<RawFix> fixes, Instant now, String mutant) {
    for (RawFix fix : fixes) {
      if (FixSanity.DEFAULT.problem(fix, now).isEmpty()) {
        assertTrue(
            Double.isFinite(fix.lat()) && Double.isFinite(fix.lon()),
            "a sane fix has finite coordinates: " + mutant);
      }
    }
    return fixes.isEmpty() ? 0 : 1;
  }

  private static String mutate(String base, Random random) {
    StringBuilder s = new StringBuilder(base);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && s.length() > 0; e++) {
      int at = random.nextInt(s.length());
      switch (random.nextInt(5)) {
        case 0 -> s.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        case 1 -> s.deleteCharAt(at);
        case 2 -> s.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        case 3 -> s.setLength(at);
        default -> s.insert(at, random.nextBoolean() ? "1e308" : "-99999999999");
      }
    }
    return s.toString();
  }
}
