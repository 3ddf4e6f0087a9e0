package dev.dozor.protocol.wialon;

import static dev.dozor.protocol.wialon.WialonText.isAbsent;

import dev.dozor.protocol.wialon.WialonDecodeResult.Decoded;
import dev.dozor.protocol.wialon.WialonDecodeResult.Rejected;
import dev.dozor.protocol.wialon.WialonDecodeResult.Unrecognized;
import dev.dozor.protocol.wialon.WialonPacket.BlackBox;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Server side: one line (from {@link WialonLineFramer}) to a {@link WialonDecodeResult}. A login
 * tells its own version; every other packet is read in the version the connection logged in with.
 *
 * <p>Checks, in order: the {@code #TYPE#} header; no control character and valid UTF-8 (structure
 * error otherwise); in 2.0 the CRC16 ({@link WialonCrc16}) before any field, so a corrupted packet
 * gets the checksum error rather than a field error; the field count (structure error); then the
 * fields in wire order ({@link WialonDataParser}).
 *
 * <p>Never throws for any line content: every outcome is a {@link WialonDecodeResult}. Only a
 * caller error (null argument, offset/length outside the array) throws.
 */
public final class WialonPacketDecoder {
  private static final int LONGEST_TYPE = 2;
  private static final int MAX_IMEI_LENGTH = 64;

  private WialonPacketDecoder() {}

  /** Decodes a line given as text, with or without its {@code \r\n}. */
  public static WialonDecodeResult decode(String line, WialonVersion sessionVersion) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return decode(bytes, 0, bytes.length, sessionVersion);
  }

  /** Decodes a whole array holding one line, with or without its {@code \r\n}. */
  public static WialonDecodeResult decode(byte[] line, WialonVersion sessionVersion) {
    return decode(line, 0, line.length, sessionVersion);
  }

  /**
   * Decodes {@code length} bytes from {@code offset}: one line, with or without its {@code \r\n}.
   *
   * @param sessionVersion the version the connection logged in with; ignored for {@code #L#}, which
   *     carries its own
   */
  public static WialonDecodeResult decode(
      byte[] line, int offset, int length, WialonVersion sessionVersion) {
    Objects.requireNonNull(sessionVersion, "sessionVersion");
    Objects.checkFromIndexSize(offset, length, line.length);
    int end = offset + length;
    if (end > offset && line[end - 1] == '\n') {
      end--;
    }
    if (end > offset && line[end - 1] == '\r') {
      end--;
    }
    if (end - offset < 3 || line[offset] != '#') {
      return new Unrecognized("a packet starts with #TYPE#");
    }
    int second = -1;
    for (int i = offset + 1; i < Math.min(end, offset + LONGEST_TYPE + 2); i++) {
      if (line[i] == '#') {
        second = i;
        break;
      }
    }
    if (second < 0) {
      return new Unrecognized("no #TYPE# header");
    }
    String wireType =
        new String(line, offset + 1, second - offset - 1, StandardCharsets.ISO_8859_1);
    Optional<WialonPacketType> type = WialonPacketType.fromWire(wireType);
    if (type.isEmpty()) {
      return new Unrecognized("packet type '" + printable(wireType) + "' is not handled");
    }
    try {
      return decodeBody(type.get(), line, offset, second + 1, end, sessionVersion);
    } catch (RuntimeException e) {
      // A safety net for the network edge; the fuzz test asserts it is never reached.
      return structureError(type.get(), "internal decoder error: " + e);
    }
  }

  private static WialonDecodeResult decodeBody(
      WialonPacketType type,
      byte[] line,
      int offset,
      int bodyStart,
      int end,
      WialonVersion version) {
    for (int i = offset; i < end; i++) {
      if (WialonText.isControl(line[i] & 0xFF)) {
        return structureError(
            type, String.format("control character 0x%02X at byte %d", line[i], i - offset));
      }
    }
    return switch (type) {
      case LOGIN -> login(line, bodyStart, end);
      case SHORT_DATA, DATA -> data(type, line, bodyStart, end, version);
      case BLACK_BOX -> blackBox(line, bodyStart, end, version);
      case PING -> new Decoded(new WialonPacket.Ping());
    };
  }

  /** Spec 1.1 "Login packet" ({@code imei;password}), 2.0 ({@code 2.0;imei;password;crc16}). */
  private static WialonDecodeResult login(byte[] line, int bodyStart, int end) {
    String body = utf8(line, bodyStart, end);
    if (body == null) {
      return structureError(WialonPacketType.LOGIN, "login is not UTF-8 text");
    }
    String[] f = body.split(";", -1);
    if (f.length == 4 && looksLikeVersion(f[0])) {
      if (!f[0].equals(WialonVersion.V2_0.wire())) {
        return loginError(WialonLoginStatus.REJECTED, "protocol version " + f[0] + " unsupported");
      }
      Optional<String> checksumError = checksumError(line, bodyStart, end, (byte) ';');
      if (checksumError.isPresent()) {
        return loginError(WialonLoginStatus.CHECKSUM_ERROR, checksumError.get());
      }
      return login(WialonVersion.V2_0, f[1], f[2]);
    }
    if (f.length == 2) {
      return login(WialonVersion.V1_1, f[0], f[1]);
    }
    return loginError(
        WialonLoginStatus.REJECTED,
        "a login has 2 fields (1.1) or 4 fields (2.0), not " + f.length);
  }

  private static WialonDecodeResult login(WialonVersion version, String imei, String password) {
    if (imei.isEmpty()
        || imei.length() > MAX_IMEI_LENGTH
        || imei.equals("NA")
        || !WialonText.isFieldSafe(imei, ",;|#")) {
      return loginError(WialonLoginStatus.REJECTED, "IMEI '" + imei + "' is not an identifier");
    }
    return new Decoded(new WialonPacket.Login(version, imei, isAbsent(password) ? null : password));
  }

  /** Spec 2.0 "Short data packet" and "Data packet". */
  private static WialonDecodeResult data(
      WialonPacketType type, byte[] line, int bodyStart, int end, WialonVersion version) {
    int dataEnd = end;
    if (version.hasChecksum()) {
      int lastSemicolon = lastIndexOf(line, bodyStart, end, (byte) ';');
      if (lastSemicolon < 0) {
        return structureError(type, "no ;crc16 field");
      }
      Optional<String> checksumError = checksumError(line, bodyStart, end, (byte) ';');
      if (checksumError.isPresent()) {
        return rejected(type, WialonDataStatus.CHECKSUM_ERROR, checksumError.get());
      }
      dataEnd = lastSemicolon;
    }
    String body = utf8(line, bodyStart, dataEnd);
    if (body == null) {
      return structureError(type, type.wire() + " is not UTF-8 text");
    }
    int expected =
        type == WialonPacketType.SHORT_DATA
            ? WialonDataParser.SHORT_DATA_FIELDS
            : WialonDataParser.DATA_FIELDS;
    String[] f = fields(body, expected);
    if (f == null) {
      return structureError(
          type, type.wire() + " has " + expected + " fields, not " + body.split(";", -1).length);
    }
    try {
      WialonData data = WialonDataParser.parse(f);
      return new Decoded(
          type == WialonPacketType.SHORT_DATA
              ? new WialonPacket.ShortData(data)
              : new WialonPacket.Data(data));
    } catch (WialonFieldException e) {
      return rejected(type, e.status(), e.getMessage());
    }
  }

  /**
   * Spec 2.0 "Black box packet": {@code msg|msg|...|crc16} in 2.0, {@code msg|msg|...} in 1.1; a
   * message with 10 fields is an SD body, one with 16 a D body.
   */
  private static WialonDecodeResult blackBox(
      byte[] line, int bodyStart, int end, WialonVersion version) {
    WialonPacketType type = WialonPacketType.BLACK_BOX;
    int dataEnd = end;
    if (version.hasChecksum()) {
      int lastBar = lastIndexOf(line, bodyStart, end, (byte) '|');
      if (lastBar < 0) {
        return structureError(type, "no |crc16 field");
      }
      Optional<String> checksumError = checksumError(line, bodyStart, end, (byte) '|');
      if (checksumError.isPresent()) {
        return new Rejected(type, WialonAnswer.BlackBox.checksumError(), checksumError.get());
      }
      dataEnd = lastBar;
    }
    String body = utf8(line, bodyStart, dataEnd);
    if (body == null) {
      return structureError(type, "B is not UTF-8 text");
    }
    List<String> messages = new ArrayList<>();
    if (!body.isEmpty()) {
      messages.addAll(List.of(body.split("\\|", -1)));
      if (messages.size() > 1 && messages.get(messages.size() - 1).isEmpty()) {
        messages.remove(messages.size() - 1); // a trailing |
      }
    }
    List<BlackBox.Entry> entries = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      entries.add(blackBoxEntry(i, messages.get(i)));
    }
    return new Decoded(new BlackBox(entries));
  }

  private static BlackBox.Entry blackBoxEntry(int index, String message) {
    String[] f = fields(message, WialonDataParser.SHORT_DATA_FIELDS);
    if (f == null) {
      f = fields(message, WialonDataParser.DATA_FIELDS);
    }
    if (f == null) {
      return new BlackBox.Refused(
          index,
          WialonDataStatus.STRUCTURE_ERROR,
          "message has " + message.split(";", -1).length + " fields, not 10 (SD) or 16 (D)");
    }
    try {
      WialonData data = WialonDataParser.parse(f);
      return new BlackBox.Accepted(
          index,
          f.length == WialonDataParser.SHORT_DATA_FIELDS
              ? new WialonPacket.ShortData(data)
              : new WialonPacket.Data(data));
    } catch (WialonFieldException e) {
      return new BlackBox.Refused(index, e.status(), e.getMessage());
    }
  }

  /** The fields of a body, or null when there are not {@code expected} (one trailing ; allowed). */
  private static String[] fields(String body, int expected) {
    String[] f = body.split(";", -1);
    if (f.length == expected) {
      return f;
    }
    if (f.length == expected + 1 && f[expected].isEmpty()) {
      String[] trimmed = new String[expected];
      System.arraycopy(f, 0, trimmed, 0, expected);
      return trimmed;
    }
    return null;
  }

  /**
   * Checks the CRC16 after the last {@code separator}; it covers the body up to and including that
   * separator. Empty when it matches, else why not.
   */
  private static Optional<String> checksumError(
      byte[] line, int bodyStart, int end, byte separator) {
    int last = lastIndexOf(line, bodyStart, end, separator);
    if (last < 0) {
      return Optional.of("no checksum field");
    }
    String field = new String(line, last + 1, end - last - 1, StandardCharsets.ISO_8859_1);
    int sent = WialonCrc16.parse(field);
    int computed = WialonCrc16.compute(line, bodyStart, last + 1 - bodyStart);
    if (sent == computed) {
      return Optional.empty();
    }
    return Optional.of(
        "checksum '" + printable(field) + "' does not match " + WialonCrc16.format(computed));
  }

  private static WialonDecodeResult rejected(
      WialonPacketType type, WialonDataStatus status, String reason) {
    WialonAnswer answer =
        type == WialonPacketType.SHORT_DATA
            ? new WialonAnswer.ShortData(status)
            : new WialonAnswer.Data(status);
    return new Rejected(type, answer, reason);
  }

  private static WialonDecodeResult loginError(WialonLoginStatus status, String reason) {
    return new Rejected(WialonPacketType.LOGIN, new WialonAnswer.Login(status), reason);
  }

  private static WialonDecodeResult structureError(WialonPacketType type, String reason) {
    return new Rejected(type, WialonAnswer.structureError(type), reason);
  }

  private static boolean looksLikeVersion(String field) {
    return field.length() == 3
        && isAsciiDigit(field.charAt(0))
        && field.charAt(1) == '.'
        && isAsciiDigit(field.charAt(2));
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int lastIndexOf(byte[] line, int from, int to, byte wanted) {
    for (int i = to - 1; i >= from; i--) {
      if (line[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  /** Strict UTF-8 (ASCII fast path), or null when the bytes are not UTF-8. */
  private static String utf8(byte[] line, int from, int to) {
    boolean ascii = true;
    for (int i = from; i < to && ascii; i++) {
      ascii = line[i] >= 0;
    }
    if (ascii) {
      return new String(line, from, to - from, StandardCharsets.ISO_8859_1);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(line, from, to - from))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length() && i < 16; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c < 0x7F ? c : '?');
    }
    return out.toString();
  }
}
