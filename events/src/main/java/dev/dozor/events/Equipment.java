package dev.dozor.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Normalised equipment channels. A null channel means the device does not report it; the device
 * profile in the gateway maps raw inputs to these names, so no downstream service knows wiring.
 *
 * @param plough blade down (true) or up (false)
 * @param brush brush rotating
 * @param spreader de-icing spreader working
 * @param spreadRateGm2 spreading density, g/m²
 * @param bodyTip body tipped (dumping)
 * @param ignition ignition on
 * @param pto power take-off engaged
 */
public record Equipment(
    Boolean plough,
    Boolean brush,
    Boolean spreader,
    Double spreadRateGm2,
    Boolean bodyTip,
    Boolean ignition,
    Boolean pto)
    implements java.io.Serializable {

  /** No channel reported. */
  public static final Equipment NONE = new Equipment(null, null, null, null, null, null, null);

  public static Equipment plough(boolean down) {
    return new Equipment(down, null, null, null, null, null, null);
  }

  public static Equipment brush(boolean on) {
    return new Equipment(null, on, null, null, null, null, null);
  }

  @JsonIgnore
  public boolean isPloughDown() {
    return Boolean.TRUE.equals(plough);
  }

  @JsonIgnore
  public boolean isBrushOn() {
    return Boolean.TRUE.equals(brush);
  }

  @JsonIgnore
  public boolean isSpreaderOn() {
    return Boolean.TRUE.equals(spreader);
  }

  /** True when any implement (plough, brush, spreader) is working. */
  @JsonIgnore
  public boolean isAnyImplementWorking() {
    return isPloughDown() || isBrushOn() || isSpreaderOn();
  }
}
