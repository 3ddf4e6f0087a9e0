package dev.dozor.protocol.wialon;

import java.util.Objects;

/**
 * One additional parameter of a D packet, written {@code NAME:TYPE:VALUE} and separated by commas
 * (spec 2.0, "Additional parameters (params)"; example {@code count1:1:564,fuel:2:45.8,hw:3:V4.5}).
 * Types: 1 = integer (long long), 2 = double, 3 = string.
 */
public sealed interface WialonParam
    permits WialonParam.IntParam, WialonParam.DoubleParam, WialonParam.TextParam {

  /** The parameter's name, e.g. {@code fuel}. */
  String name();

  /** The type number on the wire: 1, 2 or 3. */
  int type();

  /** Type 1: a signed 64-bit integer. */
  record IntParam(String name, long value) implements WialonParam {
    public IntParam {
      checkName(name);
    }

    @Override
    public int type() {
      return 1;
    }
  }

  /** Type 2: a finite double. */
  record DoubleParam(String name, double value) implements WialonParam {
    public DoubleParam {
      checkName(name);
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("param " + name + " is not finite: " + value);
      }
    }

    @Override
    public int type() {
      return 2;
    }
  }

  /** Type 3: a string without separators ({@code , ; |}) or control characters. */
  record TextParam(String name, String value) implements WialonParam {
    public TextParam {
      checkName(name);
      Objects.requireNonNull(value, "value");
      if (!WialonText.isFieldSafe(value, ",;|")) {
        throw new IllegalArgumentException(
            "param " + name + " value contains a separator or a control character");
      }
    }

    @Override
    public int type() {
      return 3;
    }
  }

  private static void checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || !WialonText.isFieldSafe(name, ":,;|")) {
      throw new IllegalArgumentException(
          "param name '" + name + "' is empty or contains a separator or a control character");
    }
  }
}
