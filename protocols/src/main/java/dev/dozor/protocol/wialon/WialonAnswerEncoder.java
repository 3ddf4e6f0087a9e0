package dev.dozor.protocol.wialon;

import java.nio.charset.StandardCharsets;

/**
 * Server side: writes answers, {@code #AL#1\r\n} and the like (spec 1.1 and 2.0; answers carry no
 * checksum in either version).
 */
public final class WialonAnswerEncoder {
  private WialonAnswerEncoder() {}

  /** The answer as a line, {@code \r\n} included. */
  public static String encode(WialonAnswer answer) {
    WialonPacketType type = answer.answers();
    String code;
    if (answer instanceof WialonAnswer.Login login) {
      code = login.status().wire();
    } else if (answer instanceof WialonAnswer.ShortData shortData) {
      code = shortData.status().wireCode(type).orElseThrow();
    } else if (answer instanceof WialonAnswer.Data data) {
      code = data.status().wireCode(type).orElseThrow();
    } else if (answer instanceof WialonAnswer.BlackBox blackBox) {
      code = blackBox.isChecksumError() ? "" : Integer.toString(blackBox.accepted());
    } else {
      code = "";
    }
    return "#" + type.answerWire() + "#" + code + "\r\n";
  }

  /** The answer as ASCII bytes, {@code \r\n} included. */
  public static byte[] encodeBytes(WialonAnswer answer) {
    return encode(answer).getBytes(StandardCharsets.US_ASCII);
  }
}
