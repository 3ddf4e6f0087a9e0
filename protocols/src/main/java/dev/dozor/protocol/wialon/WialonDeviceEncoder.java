package dev.dozor.protocol.wialon;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Device side (simulator, benchmark, gateway tests): writes the packets a tracker sends, in 1.1 (no
 * checksum) or 2.0 (with {@link WialonCrc16}). Whatever it writes, {@link WialonPacketDecoder}
 * decodes to the same values: coordinates to 1e-5 minute (under 2 cm), other numbers to 9 decimals,
 * times to the second. Values the decoder would reject (latitude 91, negative speed, a param name
 * with a comma) throw {@link IllegalArgumentException}; to send garbage on purpose, write the line
 * by hand.
 */
public final class WialonDeviceEncoder {
  private static final String END = "\r\n";
  private static final String NA = "NA";
  private static final int NUMBER_DECIMALS = 9;
  private static final BigDecimal MAX_NUMBER = new BigDecimal("1e20");
  private static final long MINUTE_UNITS = 100_000;
  private static final long DEGREE_UNITS = 60 * MINUTE_UNITS;

  private WialonDeviceEncoder() {}

  /** {@code #L#imei;password} (1.1) or {@code #L#2.0;imei;password;crc16} (2.0). */
  public static String login(WialonVersion version, String imei, String password) {
    Objects.requireNonNull(imei, "imei");
    if (imei.isEmpty() || !WialonText.isFieldSafe(imei, ",;|#")) {
      throw new IllegalArgumentException("IMEI '" + imei + "' is empty or has a separator");
    }
    String pass = password == null ? NA : password;
    if (!WialonText.isFieldSafe(pass, ";|#")) {
      throw new IllegalArgumentException("the password has a separator or control character");
    }
    return version.hasChecksum()
        ? withChecksum("L", version.wire() + ";" + imei + ";" + pass + ";")
        : "#L#" + imei + ";" + pass + END;
  }

  /** {@code #SD#...}: the position fields of {@code data}. */
  public static String shortData(WialonVersion version, WialonData data) {
    String body = shortBody(data);
    return version.hasChecksum() ? withChecksum("SD", body + ";") : "#SD#" + body + END;
  }

  /** {@code #D#...}: all fields of {@code data}. */
  public static String data(WialonVersion version, WialonData data) {
    String body = dataBody(data);
    return version.hasChecksum() ? withChecksum("D", body + ";") : "#D#" + body + END;
  }

  /** {@code #B#...}: each message as an SD or a D body, separated by {@code |}. */
  public static String blackBox(
      WialonVersion version, List<? extends WialonPacket.DataMessage> messages) {
    StringJoiner joined = new StringJoiner("|");
    for (WialonPacket.DataMessage message : messages) {
      joined.add(body(message));
    }
    if (version.hasChecksum()) {
      return withChecksum("B", messages.isEmpty() ? "|" : joined + "|");
    }
    return "#B#" + joined + END;
  }

  /** {@code #P#}: no checksum in either version. */
  public static String ping() {
    return "#P#" + END;
  }

  /** Any packet of {@link WialonPacket}; a login is written in its own version. */
  public static String encode(WialonVersion version, WialonPacket packet) {
    if (packet instanceof WialonPacket.Login login) {
      return login(login.version(), login.imei(), login.password());
    } else if (packet instanceof WialonPacket.ShortData shortData) {
      return shortData(version, shortData.data());
    } else if (packet instanceof WialonPacket.Data data) {
      return data(version, data.data());
    } else if (packet instanceof WialonPacket.BlackBox blackBox) {
      return blackBox(version, blackBox.accepted());
    }
    return ping();
  }

  /** The bytes to send: UTF-8 (params and iButton may be non-ASCII). */
  public static byte[] toBytes(String line) {
    return line.getBytes(StandardCharsets.UTF_8);
  }

  private static String withChecksum(String type, String bodyWithSeparator) {
    return "#"
        + type
        + "#"
        + bodyWithSeparator
        + WialonCrc16.format(WialonCrc16.compute(bodyWithSeparator))
        + END;
  }

  private static String body(WialonPacket.DataMessage message) {
    return message instanceof WialonPacket.Data
        ? dataBody(message.data())
        : shortBody(message.data());
  }

  private static String shortBody(WialonData d) {
    StringJoiner f = new StringJoiner(";");
    dateTime(f, d.time());
    if (d.hasPosition()) {
      f.add(coordinate(d.lat(), 90, 2, "N", "S"));
      f.add(coordinate(d.lon(), 180, 3, "E", "W"));
    } else {
      f.add(NA).add(NA).add(NA).add(NA);
    }
    check(d.speedKmh() == null || d.speedKmh() >= 0, "speed", d.speedKmh());
    check(
        d.courseDeg() == null || (d.courseDeg() >= 0 && d.courseDeg() < 360),
        "course",
        d.courseDeg());
    check(
        d.altitudeM() == null
            || (d.altitudeM() >= WialonDataParser.MIN_ALTITUDE_M
                && d.altitudeM() <= WialonDataParser.MAX_ALTITUDE_M),
        "altitude",
        d.altitudeM());
    check(
        d.satellites() == null
            || (d.satellites() >= 0 && d.satellites() <= WialonDataParser.MAX_SATELLITES),
        "satellites",
        d.satellites());
    f.add(number(d.speedKmh())).add(number(d.courseDeg())).add(number(d.altitudeM()));
    f.add(d.satellites() == null ? NA : d.satellites().toString());
    return f.toString();
  }

  private static String dataBody(WialonData d) {
    StringJoiner f = new StringJoiner(";");
    f.add(shortBody(d));
    check(d.hdop() == null || d.hdop() >= 0, "hdop", d.hdop());
    f.add(number(d.hdop()));
    f.add(bitmask(d.inputs(), "inputs")).add(bitmask(d.outputs(), "outputs"));
    if (d.adc().isEmpty()) {
      f.add(NA);
    } else {
      StringJoiner adc = new StringJoiner(",");
      d.adc().forEach(value -> adc.add(number(value)));
      f.add(adc.toString());
    }
    if (d.ibutton() == null) {
      f.add(NA);
    } else {
      check(WialonText.isFieldSafe(d.ibutton(), ";|") && !d.ibutton().isEmpty(), "ibutton", "?");
      f.add(d.ibutton());
    }
    if (d.params().isEmpty()) {
      f.add(NA);
    } else {
      StringJoiner params = new StringJoiner(",");
      for (WialonParam param : d.params()) {
        params.add(param.name() + ":" + param.type() + ":" + paramValue(param));
      }
      f.add(params.toString());
    }
    return f.toString();
  }

  private static String paramValue(WialonParam param) {
    if (param instanceof WialonParam.IntParam p) {
      return Long.toString(p.value());
    } else if (param instanceof WialonParam.DoubleParam p) {
      return number(p.value());
    }
    return ((WialonParam.TextParam) param).value();
  }

  private static void dateTime(StringJoiner f, Instant time) {
    if (time == null) {
      f.add(NA).add(NA);
      return;
    }
    LocalDateTime t = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
    check(t.getYear() >= 2000 && t.getYear() <= 2099, "year", t.getYear());
    f.add(
        String.format(
            Locale.ROOT, "%02d%02d%02d", t.getDayOfMonth(), t.getMonthValue(), t.getYear() - 2000));
    f.add(String.format(Locale.ROOT, "%02d%02d%02d", t.getHour(), t.getMinute(), t.getSecond()));
  }

  /** {@code DDMM.MMMMM;N} or {@code DDDMM.MMMMM;E}. */
  private static String coordinate(
      double degrees, int max, int degreeDigits, String plus, String minus) {
    check(Double.isFinite(degrees) && Math.abs(degrees) <= max, "coordinate", degrees);
    long units = Math.round(Math.abs(degrees) * DEGREE_UNITS);
    long whole = units / DEGREE_UNITS;
    long minuteUnits = units % DEGREE_UNITS;
    return String.format(
        Locale.ROOT,
        "%0" + degreeDigits + "d%02d.%05d;%s",
        whole,
        minuteUnits / MINUTE_UNITS,
        minuteUnits % MINUTE_UNITS,
        degrees < 0 ? minus : plus);
  }

  private static String bitmask(Long mask, String name) {
    if (mask == null) {
      return NA;
    }
    check(mask >= 0 && mask <= WialonData.MAX_BITMASK, name, mask);
    return mask.toString();
  }

  private static String number(Double value) {
    if (value == null) {
      return NA;
    }
    check(Double.isFinite(value), "number", value);
    BigDecimal decimal =
        BigDecimal.valueOf(value).setScale(NUMBER_DECIMALS, RoundingMode.HALF_EVEN);
    check(decimal.abs().compareTo(MAX_NUMBER) < 0, "number", value);
    return decimal.stripTrailingZeros().toPlainString();
  }

  private static void check(boolean ok, String name, Object value) {
    if (!ok) {
      throw new IllegalArgumentException(name + " " + value + " cannot be sent in Wialon IPS");
    }
  }
}
