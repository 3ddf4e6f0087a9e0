package dev.dozor.rules.sites;

import dev.dozor.events.EvidencePoint;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A record of {@code dozor.site-visits.v1} (key: the site id): a refuse truck serviced a container
 * site, or — {@link #BASELINE} — the site monitor started counting a never-visited site from this
 * time (so a restarted monitor counts from the same moment).
 *
 * <p>A visit is published when the stop qualifies (at least {@code minStopS}) and again, with a
 * later {@code endedAt}, when the stop ends; both carry the same {@link #visitId()}. The monitor
 * keeps the latest {@code endedAt} per site, so duplicates and re-deliveries change nothing.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param kind {@link #VISIT} or {@link #BASELINE}
 * @param siteId the container-site zone id
 * @param vehicleId the refuse truck (null for a baseline)
 * @param startedAt first fix of the stop (the baseline time for a baseline)
 * @param endedAt last fix of the stop known when published (= startedAt for a baseline)
 * @param evidence fixes of the stop (first, the one at which it qualified, last; empty for a
 *     baseline)
 */
public record SiteVisit(
    int schemaVersion,
    String kind,
    String siteId,
    String vehicleId,
    Instant startedAt,
    Instant endedAt,
    List<EvidencePoint> evidence) {
  public static final int SCHEMA_VERSION = 1;
  public static final String VISIT = "visit";
  public static final String BASELINE = "baseline";

  public SiteVisit {
    Objects.requireNonNull(siteId, "siteId");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(endedAt, "endedAt");
    kind = kind == null ? VISIT : kind;
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  /** A visit of a vehicle. */
  public static SiteVisit visit(
      String siteId,
      String vehicleId,
      Instant startedAt,
      Instant endedAt,
      List<EvidencePoint> evidence) {
    return new SiteVisit(SCHEMA_VERSION, VISIT, siteId, vehicleId, startedAt, endedAt, evidence);
  }

  /** The moment the monitor started counting a site nobody had visited. */
  public static SiteVisit baseline(String siteId, Instant at) {
    return new SiteVisit(SCHEMA_VERSION, BASELINE, siteId, null, at, at, List.of());
  }

  public boolean isBaseline() {
    return BASELINE.equals(kind);
  }

  /** Deterministic id of the visit: site, vehicle and stop start. */
  public String visitId() {
    return siteId + '/' + vehicleId + '/' + startedAt.toEpochMilli();
  }
}
