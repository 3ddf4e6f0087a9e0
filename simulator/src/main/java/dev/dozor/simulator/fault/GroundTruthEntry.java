package dev.dozor.simulator.fault;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * One injected fault, as a line of the ground-truth file. For a regulation fault {@code start} and
 * {@code end} are the fix times of the first and last fix that satisfy the regulation's condition
 * (for INT-001 the last fix before and the first fix after the gap; for INT-002 both are the
 * displaced fix; for INT-003 the first and last fix of the shift with the ignition on; for INT-004
 * the first and last toggled fix; for INT-005 the first and last fix time ahead of the clock, as
 * sent; for TIM-006 the first fix of the shift and the first fix outside the depot). For a delivery
 * fault they span the affected fix times.
 *
 * @param vehicleId the vehicle
 * @param regulationId SPD-001..004, EQP-001, EQP-003, EQP-004, GEO-001, GEO-003, TIM-004..007,
 *     INT-001..005, or null for a delivery fault (one fault may write entries for two regulations:
 *     {@code work-outside-zone} is also a GEO-001 deviation)
 * @param start first fix time of the episode
 * @param end last fix time of the episode
 * @param fault what was injected ({@link FaultType#wireName()})
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"vehicleId", "regulationId", "start", "end", "fault"})
public record GroundTruthEntry(
    String vehicleId, String regulationId, Instant start, Instant end, String fault) {

  public static GroundTruthEntry of(String vehicleId, FaultType type, Instant start, Instant end) {
    return new GroundTruthEntry(vehicleId, type.regulationId(), start, end, type.wireName());
  }

  /** True for offline and duplicate deliveries, which break no regulation. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isDeliveryFault() {
    return regulationId == null;
  }
}
