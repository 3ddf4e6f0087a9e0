package dev.dozor.events;

/**
 * One line of a {@link DeviceProfileRecord}: raw input {@code input} drives equipment channel
 * {@code channel}.
 *
 * <p>For the numeric channel {@code spreadRateGm2} the value is {@code raw * scale + offset} (a
 * linear calibration, e.g. ADC counts to g/m²). For the boolean channels ({@code plough}, {@code
 * brush}, {@code spreader}, {@code bodyTip}, {@code ignition}, {@code pto}) the channel is on when
 * the calibrated value is at least {@code threshold} (default: any non-zero value), negated when
 * {@code inverted}.
 *
 * @param channel an {@link Equipment} component name
 * @param input raw input name
 * @param inverted the sensor reads 0 when the implement works
 * @param scale calibration factor, null means 1
 * @param offset calibration offset, null means 0
 * @param threshold boolean channels: on at or above this calibrated value; null means "not 0"
 */
public record ChannelMapping(
    String channel, String input, boolean inverted, Double scale, Double offset, Double threshold) {

  /** A digital input mapped to a boolean channel. */
  public static ChannelMapping digital(String channel, String input, boolean inverted) {
    return new ChannelMapping(channel, input, inverted, null, null, null);
  }

  /** An analog input mapped to a channel through {@code raw * scale + offset}. */
  public static ChannelMapping linear(String channel, String input, double scale, double offset) {
    return new ChannelMapping(channel, input, false, scale, offset, null);
  }
}
