package dev.dozor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantCodecTest {

  @Test
  void formatsExactlyLikeInstantToStringForMillisecondInstants() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      long seconds = random.nextLong(-62_167_219_200L, 253_402_300_800L);
      Instant t = Instant.ofEpochSecond(seconds, random.nextInt(1000) * 1_000_000L);
      if (i % 3 == 0) {
        t = Instant.ofEpochSecond(seconds);
      }
      assertEquals(t.toString(), IsoInstantCodec.format(t));
    }
    Instant micros = Instant.parse("2026-11-29T02:51:55.123456Z");
    assertEquals(micros.toString(), IsoInstantCodec.format(micros));
    Instant farFuture = Instant.parse("+12026-01-01T00:00:00Z");
    assertEquals(farFuture.toString(), IsoInstantCodec.format(farFuture));
  }

  @Test
  void parsesWhatInstantParseReadsForTheUtcForm() {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      Instant t =
          Instant.ofEpochSecond(
              random.nextLong(0, 253_402_300_800L), random.nextInt(1_000_000_000));
      String text = t.toString();
      assertEquals(Instant.parse(text), IsoInstantCodec.parseUtc(text), text);
    }
    assertEquals(
        Instant.parse("2026-11-29T02:51:55.1Z"),
        IsoInstantCodec.parseUtc("2026-11-29T02:51:55.1Z"));
    assertEquals(
        Instant.parse("2024-02-29T23:59:59Z"), IsoInstantCodec.parseUtc("2024-02-29T23:59:59Z"));
  }

  @Test
  void leavesOtherFormsAndImpossibleDatesToTheGeneralParser() {
    assertNull(IsoInstantCodec.parseUtc("2026-11-29T05:51:55+03:00"));
    assertNull(IsoInstantCodec.parseUtc("2026-02-30T00:00:00Z"));
    assertNull(IsoInstantCodec.parseUtc("2026-11-29T24:00:00Z"));
    assertNull(IsoInstantCodec.parseUtc("2026-11-29T02:51:55.Z"));
    assertNull(IsoInstantCodec.parseUtc("2026-11-29T02:51:55.1234567890Z"));
    assertNull(IsoInstantCodec.parseUtc("2026-11-29 02:51:55Z"));
    assertNull(IsoInstantCodec.parseUtc("20x6-11-29T02:51:55Z"));
  }

  @Test
  void messagesReadOffsetsStillAndRefuseNonsenseAsBefore() {
    String json =
        "{\"schemaVersion\":1,\"vehicleId\":\"v\",\"fixTime\":\"2026-11-29T05:51:55+03:00\","
            + "\"lat\":55.0,\"lon\":37.0,\"speedKmh\":1.5}";
    TelemetryPoint p = JsonSerde.fromJson(json, TelemetryPoint.class);
    assertEquals(Instant.parse("2026-11-29T02:51:55Z"), p.fixTime());
    assertThrows(
        JsonSerde.MalformedMessageException.class,
        () ->
            JsonSerde.fromJson(
                json.replace("2026-11-29T05:51:55+03:00", "2026-02-30T00:00:00Z"),
                TelemetryPoint.class));
    TelemetryPoint back = JsonSerde.fromJson(JsonSerde.toJson(p), TelemetryPoint.class);
    assertEquals(p, back);
  }
}
