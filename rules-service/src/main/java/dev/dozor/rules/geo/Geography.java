package dev.dozor.rules.geo;

import dev.dozor.rules.engine.SegmentMatch;
import java.util.List;

/** What the rules may ask about places: districts, zones and road segments. */
public interface Geography {

  /** Knows no place. */
  Geography EMPTY = new GeoIndex.Builder().build();

  /** The district (OKTMO) containing the point, or null. */
  String districtAt(double lat, double lon);

  /** The okrug abbreviation of a district, or null. */
  String okrugOf(String districtId);

  /** Ids of the zones of this kind containing the point. */
  List<String> zonesAt(String kind, double lat, double lon);

  /** Whether the zone with this id contains the point (false for an unknown zone). */
  boolean contains(String zoneId, double lat, double lon);

  /** The nearest zone of the kind within the distance (inside is 0), or null. */
  String nearestZone(String kind, double lat, double lon, double maxDistanceM);

  /** The nearest road segment within the matching radius, or null. */
  SegmentMatch segmentAt(double lat, double lon);

  /**
   * The signed speed limit of the nearest road segment within the matching radius ({@code
   * segmentAt(lat, lon)}'s maxspeed), or null when there is none or it has none.
   */
  default Integer roadLimitKmhAt(double lat, double lon) {
    SegmentMatch s = segmentAt(lat, lon);
    return s == null ? null : s.getMaxspeedKmh();
  }

  /** Metres to the nearest of these segments; infinity when none of them is known. */
  double distanceToSegmentsM(List<String> segmentIds, double lat, double lon);

  /**
   * These segment ids resolved for {@link #distanceToRouteM}: {@code had} itself when it was
   * resolved from this very list by the index in force now, else a new route.
   */
  Route route(List<String> segmentIds, Route had);

  /** {@link #distanceToSegmentsM} of the route's ids, the same double, without looking them up. */
  double distanceToRouteM(Route route, double lat, double lon);

  /**
   * Whether {@link #distanceToRouteM} is at most {@code limitM}; usually answered from the segment
   * the route's last distance found nearest, without measuring the others.
   */
  boolean routeWithinM(Route route, double lat, double lon, double limitM);

  /** A segment by id (distance 0), or null. */
  SegmentMatch segment(String segmentId);

  /** Metres from the point to the zone with this id (0 inside); infinity for an unknown zone. */
  double distanceToZoneM(String zoneId, double lat, double lon);

  /** The kind of the zone with this id ({@code yard}, …), or null for an unknown zone. */
  String zoneKind(String zoneId);

  /** The district (OKTMO) containing the zone's interior point, or null. */
  String districtOfZone(String zoneId);
}
