package dev.dozor.rules.engine;

/**
 * The road segment a fix lies on.
 *
 * @param segmentId the segment
 * @param distanceM metres from the fix to the segment's line
 * @param maxspeedKmh the signed limit, or null when the road has none
 * @param priority service priority 1 (trunk, primary) … 4
 * @param lengthM the segment's length
 * @param districtId the district of the segment's midpoint, or null
 */
public record SegmentMatch(
    String segmentId,
    double distanceM,
    Integer maxspeedKmh,
    int priority,
    double lengthM,
    String districtId)
    implements java.io.Serializable {

  public String getSegmentId() {
    return segmentId;
  }

  public Integer getMaxspeedKmh() {
    return maxspeedKmh;
  }

  public int getPriority() {
    return priority;
  }

  public double getLengthM() {
    return lengthM;
  }
}
