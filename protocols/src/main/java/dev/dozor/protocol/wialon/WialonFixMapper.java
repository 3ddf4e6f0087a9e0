package dev.dozor.protocol.wialon;

import dev.dozor.protocol.InputNames;
import dev.dozor.protocol.RawFix;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decoded Wialon bodies to {@link RawFix}es. Pure.
 *
 * <p>Validity rule (Wialon has no validity flag): a fix is valid when it has coordinates, they are
 * not 0,0, the satellite count is unknown or at least {@value #MIN_SATELLITES} (the least for a 2D
 * fix), and the HDOP is unknown or at most {@value #MAX_HDOP}. Trackers without a fix send NA
 * coordinates, or their last position with 0 satellites.
 *
 * <p>Inputs: the D inputs bitmask gives {@code din1..din32} (bit 0 = input 1), outputs {@code
 * dout1..dout32}, each 0 or 1, all 32 whenever the field is present (so a profile sees "off"); ADC
 * values give {@code ain1..ainN} (an NA value leaves its number out); numeric params (types 1 and
 * 2) go to {@code inputs} under their own name ({@code plough:1:1} gives {@code inputs["plough"] =
 * 1.0}), string params (type 3) to {@code text}, the iButton to {@code text["ibutton"]}. Where a
 * param has the name of a protocol field ({@code din1}, {@code ibutton}), the protocol field wins.
 */
public final class WialonFixMapper {
  /** Fewer satellites than this make the fix invalid. */
  public static final int MIN_SATELLITES = 3;

  /** A larger HDOP makes the fix invalid. */
  public static final double MAX_HDOP = 20.0;

  /** Key of the iButton code in {@link RawFix#text()}. */
  public static final String IBUTTON = "ibutton";

  private static final int BITMASK_BITS = 32;

  private WialonFixMapper() {}

  /**
   * One fix from an SD/D body.
   *
   * @param receivedAt server time, used as the fix time when the device sent NA date and time (as
   *     the spec prescribes)
   */
  public static RawFix toFix(WialonData data, Instant receivedAt) {
    Objects.requireNonNull(receivedAt, "receivedAt");
    Map<String, Double> inputs = new HashMap<>();
    Map<String, String> text = new HashMap<>();
    for (WialonParam param : data.params()) {
      if (param instanceof WialonParam.IntParam p) {
        inputs.put(p.name(), (double) p.value());
      } else if (param instanceof WialonParam.DoubleParam p) {
        inputs.put(p.name(), p.value());
      } else if (param instanceof WialonParam.TextParam p) {
        text.put(p.name(), p.value());
      }
    }
    putBits(inputs, data.inputs(), true);
    putBits(inputs, data.outputs(), false);
    for (int i = 0; i < data.adc().size(); i++) {
      Double value = data.adc().get(i);
      if (value != null) {
        inputs.put(InputNames.analogInput(i + 1), value);
      }
    }
    if (data.ibutton() != null) {
      text.put(IBUTTON, data.ibutton());
    }
    return new RawFix(
        data.time() != null ? data.time() : receivedAt,
        data.hasPosition() ? data.lat() : 0,
        data.hasPosition() ? data.lon() : 0,
        isValid(data),
        data.speedKmh(),
        data.courseDeg(),
        data.altitudeM(),
        data.satellites(),
        null,
        inputs,
        text);
  }

  /** One fix from an SD or D packet. */
  public static RawFix toFix(WialonPacket.DataMessage message, Instant receivedAt) {
    return toFix(message.data(), receivedAt);
  }

  /** The fixes of the accepted messages of a black box, in wire order. */
  public static List<RawFix> toFixes(WialonPacket.BlackBox blackBox, Instant receivedAt) {
    List<RawFix> fixes = new ArrayList<>(blackBox.entries().size());
    for (WialonPacket.DataMessage message : blackBox.accepted()) {
      fixes.add(toFix(message, receivedAt));
    }
    return fixes;
  }

  /** The validity rule of this class. */
  public static boolean isValid(WialonData data) {
    return data.hasPosition()
        && !(data.lat() == 0 && data.lon() == 0)
        && (data.satellites() == null || data.satellites() >= MIN_SATELLITES)
        && (data.hdop() == null || data.hdop() <= MAX_HDOP);
  }

  private static void putBits(Map<String, Double> inputs, Long mask, boolean digitalInputs) {
    if (mask == null) {
      return;
    }
    for (int bit = 0; bit < BITMASK_BITS; bit++) {
      String name =
          digitalInputs ? InputNames.digitalInput(bit + 1) : InputNames.digitalOutput(bit + 1);
      inputs.put(name, (double) ((mask >>> bit) & 1));
    }
  }
}
