package dev.dozor.rules.engine;

import dev.dozor.rules.sites.SiteVisit;
import java.util.ArrayList;
import java.util.List;

/**
 * The global ({@code siteVisits}) through which TIM-003's visit rules report container-site visits
 * of refuse trucks; the engine drains it into {@link EngineOutput#visits()}, which the telemetry
 * consumer publishes on {@code dozor.site-visits.v1}. Rules never do I/O themselves.
 */
public final class SiteVisitSink {
  private final List<SiteVisit> visits = new ArrayList<>();

  public void add(SiteVisit visit) {
    visits.add(visit);
  }

  /** The visits reported since the last drain, in firing order. */
  List<SiteVisit> drain() {
    if (visits.isEmpty()) {
      return List.of();
    }
    List<SiteVisit> drained = List.copyOf(visits);
    visits.clear();
    return drained;
  }
}
