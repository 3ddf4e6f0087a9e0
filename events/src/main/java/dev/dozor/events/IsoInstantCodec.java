package dev.dozor.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Fast ISO-8601 instants for the hot message paths. {@code java.time}'s formatter-based parsing and
 * printing took about a fifth of the gateway's CPU per point (JFR, {@code bin/dozor bench
 * gateway}). The common UTC form {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} is read and written by
 * hand; every other form (offsets, numbers, odd years) falls back to Jackson's own {@code
 * InstantDeserializer} and {@link Instant#toString()}, so what is accepted and what is written stay
 * exactly as before.
 */
public final class IsoInstantCodec {
  private static final int SHORTEST = "2026-01-01T00:00:00Z".length();

  private IsoInstantCodec() {}

  /** A Jackson module with the fast serializer and deserializer for {@link Instant}. */
  public static SimpleModule module() {
    SimpleModule m = new SimpleModule("dozor-iso-instant");
    m.addSerializer(Instant.class, new Serializer());
    m.addDeserializer(Instant.class, new Deserializer());
    return m;
  }

  /**
   * Parses {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}; null when the text has another form or an
   * impossible date (the caller then uses the general parser and its error message).
   */
  static Instant parseUtc(String s) {
    int n = s.length();
    if (n < SHORTEST
        || n > SHORTEST + 10
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':'
        || s.charAt(n - 1) != 'Z') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0
        || hour > 23
        || minute > 59
        || second > 59) {
      return null;
    }
    int nanos = 0;
    if (n > SHORTEST) {
      int fractionDigits = n - SHORTEST - 1;
      if (s.charAt(19) != '.' || fractionDigits < 1) {
        return null;
      }
      int fraction = digits(s, 20, fractionDigits);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction * POWERS_OF_TEN[9 - fractionDigits];
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null;
    }
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
  }

  private static final int[] POWERS_OF_TEN = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
  };

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /**
   * The same text as {@link Instant#toString()}: seconds, then milliseconds only when not zero.
   * Instants with sub-millisecond parts or years outside 0000–9999 use {@link Instant#toString()}.
   */
  static String format(Instant t) {
    int nanos = t.getNano();
    long seconds = t.getEpochSecond();
    if (nanos % 1_000_000 != 0 || seconds < -62_167_219_200L || seconds >= 253_402_300_800L) {
      return t.toString();
    }
    long epochDay = Math.floorDiv(seconds, 86_400);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400);
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    char[] c = new char[nanos == 0 ? SHORTEST : SHORTEST + 4];
    put(c, 0, date.getYear(), 4);
    c[4] = '-';
    put(c, 5, date.getMonthValue(), 2);
    c[7] = '-';
    put(c, 8, date.getDayOfMonth(), 2);
    c[10] = 'T';
    put(c, 11, secondOfDay / 3_600, 2);
    c[13] = ':';
    put(c, 14, secondOfDay / 60 % 60, 2);
    c[16] = ':';
    put(c, 17, secondOfDay % 60, 2);
    if (nanos != 0) {
      c[19] = '.';
      put(c, 20, nanos / 1_000_000, 3);
    }
    c[c.length - 1] = 'Z';
    return new String(c);
  }

  private static void put(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  static final class Serializer extends StdSerializer<Instant> {
    Serializer() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(format(value));
    }
  }

  static final class Deserializer extends StdDeserializer<Instant> {
    Deserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.hasToken(JsonToken.VALUE_STRING)) {
        Instant fast = parseUtc(p.getText());
        if (fast != null) {
          return fast;
        }
      }
      return InstantDeserializer.INSTANT.deserialize(p, ctxt);
    }
  }
}
