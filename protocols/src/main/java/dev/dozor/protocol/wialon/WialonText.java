package dev.dozor.protocol.wialon;

/** Character checks shared by the decoders and encoders. */
final class WialonText {
  private WialonText() {}

  /** True when {@code c} is a C0 control character or DEL. */
  static boolean isControl(int c) {
    return c < 0x20 || c == 0x7F;
  }

  /** True when {@code text} has no control character and none of {@code forbidden}. */
  static boolean isFieldSafe(String text, String forbidden) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isControl(c) || forbidden.indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** True when the field means "no value": {@code NA}, or empty as some firmwares send it. */
  static boolean isAbsent(String field) {
    return field.isEmpty() || field.equals("NA");
  }
}
