package dev.dozor.protocol.wialon;

import java.util.Optional;

/**
 * The result codes of ASD and AD answers (spec 1.1 and 2.0, "Short data packet" and "Data packet").
 * SD and D share most codes but not the checksum error: ASD says 13, AD says 16, because AD already
 * uses 13 to 15 for inputs/outputs, ADC and params, which SD does not have.
 *
 * <pre>
 * status                         ASD   AD
 * STRUCTURE_ERROR                 -1   -1   wrong number of fields, not text, no checksum field
 * TIME_ERROR                       0    0   date or time unreadable, or only one of them NA
 * ACCEPTED                         1    1
 * COORDINATES_ERROR               10   10   lat/lon unreadable, out of range, partly NA
 * SPEED_COURSE_ALTITUDE_ERROR     11   11
 * SATELLITES_HDOP_ERROR           12   12   SD: satellites; D: satellites or hdop
 * INPUTS_OUTPUTS_ERROR             -   13
 * ADC_ERROR                        -   14
 * PARAMS_ERROR                     -   15
 * CHECKSUM_ERROR (2.0 only)       13   16
 * </pre>
 */
public enum WialonDataStatus {
  STRUCTURE_ERROR("-1", "-1"),
  TIME_ERROR("0", "0"),
  ACCEPTED("1", "1"),
  COORDINATES_ERROR("10", "10"),
  SPEED_COURSE_ALTITUDE_ERROR("11", "11"),
  SATELLITES_HDOP_ERROR("12", "12"),
  INPUTS_OUTPUTS_ERROR(null, "13"),
  ADC_ERROR(null, "14"),
  PARAMS_ERROR(null, "15"),
  CHECKSUM_ERROR("13", "16");

  private final String shortDataCode;
  private final String dataCode;

  WialonDataStatus(String shortDataCode, String dataCode) {
    this.shortDataCode = shortDataCode;
    this.dataCode = dataCode;
  }

  /**
   * The code in an answer to {@code type} (SHORT_DATA or DATA), empty when that packet type has no
   * such code.
   */
  public Optional<String> wireCode(WialonPacketType type) {
    return switch (type) {
      case SHORT_DATA -> Optional.ofNullable(shortDataCode);
      case DATA -> Optional.of(dataCode);
      default -> Optional.empty();
    };
  }

  /** The status an answer to {@code type} means by {@code code}. */
  public static Optional<WialonDataStatus> fromWire(WialonPacketType type, String code) {
    for (WialonDataStatus status : values()) {
      if (status.wireCode(type).filter(code::equals).isPresent()) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
