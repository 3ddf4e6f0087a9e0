package dev.dozor.telemetry.geo;

import java.util.Set;

/**
 * Service priority of a road from its OSM {@code highway} category: 1 is cleared first. Coverage
 * reports and deadline regulations sort and weigh segments by it.
 */
public final class RoadPriority {
  public static final int HIGHEST = 1;
  public static final int LOWEST = 4;

  private static final Set<String> FIRST =
      Set.of("motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link");
  private static final Set<String> SECOND = Set.of("secondary", "secondary_link");
  private static final Set<String> THIRD =
      Set.of("tertiary", "tertiary_link", "residential", "unclassified", "living_street");

  private RoadPriority() {}

  /**
   * 1 motorway/trunk/primary (and their links), 2 secondary, 3 tertiary, residential, unclassified,
   * living street; 4 service roads and everything else (also null).
   */
  public static int of(String category) {
    if (category == null) {
      return LOWEST;
    }
    if (FIRST.contains(category)) {
      return HIGHEST;
    }
    if (SECOND.contains(category)) {
      return 2;
    }
    if (THIRD.contains(category)) {
      return 3;
    }
    return LOWEST;
  }
}
