package dev.dozor.protocol;

/**
 * Names of raw inputs in {@link RawFix#inputs()}, shared by every protocol so that one device
 * profile language fits all trackers. Numbering is 1-based, as printed on tracker housings.
 */
public final class InputNames {
  private InputNames() {}

  /** Digital input n (0 or 1). */
  public static String digitalInput(int n) {
    return "din" + n;
  }

  /** Digital output n (0 or 1). */
  public static String digitalOutput(int n) {
    return "dout" + n;
  }

  /** Analog input n, raw value as the tracker reports it (e.g. millivolts or ADC counts). */
  public static String analogInput(int n) {
    return "ain" + n;
  }

  /** Counter n (pulses). */
  public static String counter(int n) {
    return "cnt" + n;
  }

  /** Liquid level sensor n, raw value. */
  public static String liquidLevel(int n) {
    return "lls" + n;
  }
}
