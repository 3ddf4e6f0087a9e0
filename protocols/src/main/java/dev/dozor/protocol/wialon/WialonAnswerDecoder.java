package dev.dozor.protocol.wialon;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Device side (simulator, benchmark, tests): reads the server's answers. {@code #ASD#13} is a
 * checksum error while {@code #AD#13} is an inputs/outputs error: the packet type decides (see
 * {@link WialonDataStatus}).
 */
public final class WialonAnswerDecoder {
  private static final int MAX_COUNT_DIGITS = 9;

  private WialonAnswerDecoder() {}

  /**
   * Reads one answer line, with or without its {@code \r\n}.
   *
   * @throws WialonFormatException when the line is not an AL, ASD, AD, AB or AP answer of the spec
   */
  public static WialonAnswer decode(String line) {
    Objects.requireNonNull(line, "line");
    String text = line;
    if (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    int second = text.startsWith("#") ? text.indexOf('#', 1) : -1;
    if (second < 0) {
      throw new WialonFormatException("not an answer: '" + shorten(text) + "'");
    }
    String wireType = text.substring(1, second);
    String code = text.substring(second + 1);
    WialonPacketType type =
        WialonPacketType.fromAnswerWire(wireType)
            .orElseThrow(
                () -> new WialonFormatException("unknown answer type '" + shorten(wireType) + "'"));
    return switch (type) {
      case LOGIN ->
          new WialonAnswer.Login(
              WialonLoginStatus.fromWire(code).orElseThrow(() -> badCode(type, code)));
      case SHORT_DATA ->
          new WialonAnswer.ShortData(
              WialonDataStatus.fromWire(type, code).orElseThrow(() -> badCode(type, code)));
      case DATA ->
          new WialonAnswer.Data(
              WialonDataStatus.fromWire(type, code).orElseThrow(() -> badCode(type, code)));
      case BLACK_BOX -> blackBox(code);
      case PING -> {
        if (!code.isEmpty()) {
          throw badCode(type, code);
        }
        yield new WialonAnswer.Ping();
      }
    };
  }

  /** Reads {@code length} bytes from {@code offset} as one answer line. */
  public static WialonAnswer decode(byte[] line, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, line.length);
    for (int i = offset; i < offset + length; i++) {
      if (line[i] < 0) {
        throw new WialonFormatException("answer is not ASCII");
      }
    }
    return decode(new String(line, offset, length, StandardCharsets.US_ASCII));
  }

  private static WialonAnswer blackBox(String code) {
    if (code.isEmpty()) {
      return WialonAnswer.BlackBox.checksumError();
    }
    if (code.length() > MAX_COUNT_DIGITS) {
      throw badCode(WialonPacketType.BLACK_BOX, code);
    }
    for (int i = 0; i < code.length(); i++) {
      if (code.charAt(i) < '0' || code.charAt(i) > '9') {
        throw badCode(WialonPacketType.BLACK_BOX, code);
      }
    }
    return WialonAnswer.BlackBox.of(Integer.parseInt(code));
  }

  private static WialonFormatException badCode(WialonPacketType type, String code) {
    return new WialonFormatException(
        "'" + shorten(code) + "' is not a code of the " + type.answerWire() + " answer");
  }

  private static String shorten(String text) {
    return text.length() <= 32 ? text : text.substring(0, 32) + "...";
  }
}
