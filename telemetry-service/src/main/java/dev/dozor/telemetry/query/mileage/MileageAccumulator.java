package dev.dozor.telemetry.query.mileage;

import dev.dozor.telemetry.query.EquipmentBits;
import dev.dozor.telemetry.query.Haversine;

/**
 * Mileage of one vehicle from its fixes in time order: the haversine distance between consecutive
 * fixes (a gap counts as the straight line between the fixes around it), split by the equipment of
 * the earlier fix of each step.
 *
 * <p>Jumps: a fix that would need more than the speed limit from the last accepted fix is not
 * accepted and its step is counted in {@link #discardedSteps()}. The next fix is measured from the
 * last accepted one, so a single outlier A–B–C costs only the detour (A→C is counted). If the next
 * fix is plausible from the rejected one but not from the last accepted one, the vehicle really is
 * over there (e.g. the tracker was off while it was towed): the jump stays discarded and counting
 * resumes from the rejected fix.
 */
public final class MileageAccumulator {
  private final double maxSpeedMps;

  private int points;
  private int discardedSteps;
  private double totalM;
  private double onM;
  private final double[] byWorkingM = new double[EquipmentBits.WORKING.size()];
  private double firstOdometerKm = Double.NaN;
  private double lastOdometerKm = Double.NaN;

  private boolean hasAnchor;
  private long anchorMs;
  private double anchorLat;
  private double anchorLon;
  private int anchorBits;

  private boolean hasRejected;
  private long rejectedMs;
  private double rejectedLat;
  private double rejectedLon;
  private int rejectedBits;

  /**
   * @param maxSpeedKmh a step implying a higher speed is a position jump
   */
  public MileageAccumulator(double maxSpeedKmh) {
    this.maxSpeedMps = maxSpeedKmh / 3.6;
  }

  /**
   * The next fix (times must increase).
   *
   * @param odometerKm the device odometer, NaN when not reported
   */
  public void accept(long epochMs, double lat, double lon, int equipmentBits, double odometerKm) {
    points++;
    if (!Double.isNaN(odometerKm)) {
      if (Double.isNaN(firstOdometerKm)) {
        firstOdometerKm = odometerKm;
      }
      lastOdometerKm = odometerKm;
    }
    if (!hasAnchor) {
      anchor(epochMs, lat, lon, equipmentBits);
      return;
    }
    double d = Haversine.metres(anchorLat, anchorLon, lat, lon);
    if (plausible(d, epochMs - anchorMs)) {
      count(d, anchorBits);
      anchor(epochMs, lat, lon, equipmentBits);
      return;
    }
    if (hasRejected) {
      double fromRejected = Haversine.metres(rejectedLat, rejectedLon, lat, lon);
      if (plausible(fromRejected, epochMs - rejectedMs)) {
        count(fromRejected, rejectedBits);
        anchor(epochMs, lat, lon, equipmentBits);
        return;
      }
    }
    discardedSteps++;
    hasRejected = true;
    rejectedMs = epochMs;
    rejectedLat = lat;
    rejectedLon = lon;
    rejectedBits = equipmentBits;
  }

  private boolean plausible(double metres, long ms) {
    return ms > 0 && metres <= maxSpeedMps * ms / 1000.0;
  }

  private void count(double metres, int bits) {
    totalM += metres;
    if (EquipmentBits.working(bits)) {
      onM += metres;
    }
    for (int i = 0; i < byWorkingM.length; i++) {
      if (EquipmentBits.isOn(bits, i)) {
        byWorkingM[i] += metres;
      }
    }
  }

  private void anchor(long epochMs, double lat, double lon, int bits) {
    hasAnchor = true;
    hasRejected = false;
    anchorMs = epochMs;
    anchorLat = lat;
    anchorLon = lon;
    anchorBits = bits;
  }

  public int points() {
    return points;
  }

  /** Steps not counted because they implied an impossible speed. */
  public int discardedSteps() {
    return discardedSteps;
  }

  public double totalM() {
    return totalM;
  }

  /** Distance with plough, brush or spreader on at the start of the step. */
  public double equipmentOnM() {
    return onM;
  }

  /** Distance with working channel {@code i} of {@link EquipmentBits#WORKING} on. */
  public double workingM(int i) {
    return byWorkingM[i];
  }

  /** Last minus first reported odometer, or null when none was reported. */
  public Double odometerDeltaKm() {
    return Double.isNaN(firstOdometerKm) ? null : lastOdometerKm - firstOdometerKm;
  }
}
