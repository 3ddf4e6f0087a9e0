package dev.dozor.rules.sites;

import dev.dozor.events.EvidencePoint;
import dev.dozor.rules.engine.Episode;
import dev.dozor.rules.regulation.RegulationParameters;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.kie.api.definition.type.ClassReactive;

/**
 * A container site as the TIM-003 rules of the site session see it: when it was last serviced (or,
 * never visited, since when the monitor counts), the interval in force and so the time it is due.
 * Immutable: the monitor replaces the fact when a visit, the registry or the parameters change.
 *
 * <p>The interval: {@code warmIntervalH} or {@code coldIntervalH} for ordinary sites, {@code
 * bulkyWarmIntervalH} or {@code bulkyColdIntervalH} for bulky-waste sites (the zone's name contains
 * "КГМ", "КГО" or "bulky", any case). "Cold" is a calendar stand-in for "+4 °C or colder": the
 * local month of the last service lies in [{@code coldFromMonth}, {@code coldToMonth}] (wrapping
 * over New Year; overridable per district). A temperature feed would replace it.
 */
@ClassReactive
public final class ServiceSite {
  /** The vehicle id of the violation events of a site: no single vehicle is at fault. */
  public static final String VEHICLE_PREFIX = "site:";

  private static final long HOUR_MS = 3_600_000L;

  private final String siteId;
  private final String name;
  private final String districtId;
  private final boolean bulky;
  private final RegulationParameters par;
  private final long baseMs;
  private final boolean serviced;
  private final String lastVehicleId;
  private final List<EvidencePoint> lastEvidence;
  private final boolean cold;
  private final long intervalMs;

  ServiceSite(
      String siteId,
      String name,
      String districtId,
      RegulationParameters par,
      SiteVisit base,
      ZoneId localZone) {
    this.siteId = Objects.requireNonNull(siteId);
    this.name = name;
    this.districtId = districtId;
    this.bulky = isBulky(name);
    this.par = par;
    this.baseMs = base.endedAt().toEpochMilli();
    this.serviced = !base.isBaseline();
    this.lastVehicleId = base.vehicleId();
    this.lastEvidence = base.evidence();
    int month = base.endedAt().atZone(localZone).getMonthValue();
    this.cold = inMonths(month, (int) par.value("coldFromMonth"), (int) par.value("coldToMonth"));
    String interval =
        bulky
            ? (cold ? "bulkyColdIntervalH" : "bulkyWarmIntervalH")
            : (cold ? "coldIntervalH" : "warmIntervalH");
    this.intervalMs = Math.round(par.value(interval) * HOUR_MS);
  }

  /** Whether a zone name marks a bulky-waste (КГМ/КГО) site. */
  public static boolean isBulky(String name) {
    if (name == null) {
      return false;
    }
    String n = name.toLowerCase(Locale.ROOT);
    return n.contains("кгм") || n.contains("кго") || n.contains("bulky");
  }

  /** Whether the month lies in [from, to], wrapping over December. */
  static boolean inMonths(int month, int from, int to) {
    return from <= to ? month >= from && month <= to : month >= from || month <= to;
  }

  /** The overdue episode of this site, opened at its due time and observed at {@code nowMs}. */
  public Episode overdueEpisode(long nowMs) {
    Episode e =
        new Episode(SiteMonitor.REGULATION_ID, getViolationVehicleId(), null, getDueMs(), par);
    e.measure("intervalH", intervalMs / (double) HOUR_MS);
    e.measure("countedFromEpochS", baseMs / 1000.0);
    if (serviced) {
      e.measure("lastServiceAtEpochS", baseMs / 1000.0);
    }
    e.measure("bulky", bulky ? 1 : 0);
    e.measure("cold", cold ? 1 : 0);
    lastEvidence.forEach(e::addEvidence);
    grow(e, nowMs);
    return e;
  }

  /** Moves an open overdue episode of this site to {@code nowMs}: the overdue time grew. */
  public void grow(Episode e, long nowMs) {
    long until = Math.max(nowMs, e.getStartedAtMs());
    e.extendTo(until);
    e.measure("overdueH", (until - e.getStartedAtMs()) / (double) HOUR_MS);
  }

  /**
   * Ends the overdue episode with this site's (new) last visit: its end is the episode's end, its
   * fixes join the evidence.
   */
  public void closeServiced(Episode e) {
    lastEvidence.forEach(e::addEvidence);
    e.measure("lastServiceAtEpochS", baseMs / 1000.0);
    close(e, baseMs, true);
  }

  /**
   * Ends the overdue episode: serviced at {@code servicedAtMs} (the due time moved), or the site
   * left the registry.
   */
  public static void close(Episode e, long atMs, boolean serviced) {
    long until = Math.max(atMs, e.getLastFixTimeMs());
    e.extendTo(until);
    e.measure("overdueH", (until - e.getStartedAtMs()) / (double) HOUR_MS);
    e.measure("serviced", serviced ? 1 : 0);
    e.end(until);
  }

  public String getSiteId() {
    return siteId;
  }

  public String getName() {
    return name;
  }

  public String getDistrictId() {
    return districtId;
  }

  public boolean isBulky() {
    return bulky;
  }

  public boolean isCold() {
    return cold;
  }

  public RegulationParameters getPar() {
    return par;
  }

  /** Last service (end of the last visit) or, never visited, the baseline. */
  public long getBaseMs() {
    return baseMs;
  }

  public boolean isServiced() {
    return serviced;
  }

  public String getLastVehicleId() {
    return lastVehicleId;
  }

  public long getIntervalMs() {
    return intervalMs;
  }

  /** When the next visit is due: base + interval. */
  public long getDueMs() {
    return baseMs + intervalMs;
  }

  /** How often (event time) an overdue episode is updated, ms ({@code updateEveryH}). */
  public long getUpdateEveryMs() {
    return Math.round(par.value("updateEveryH") * HOUR_MS);
  }

  /** The vehicle id of this site's violation events: {@code site:<siteId>}. */
  public String getViolationVehicleId() {
    return VEHICLE_PREFIX + siteId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServiceSite s
        && siteId.equals(s.siteId)
        && Objects.equals(name, s.name)
        && Objects.equals(districtId, s.districtId)
        && par.getValues().equals(s.par.getValues())
        && baseMs == s.baseMs
        && serviced == s.serviced
        && Objects.equals(lastVehicleId, s.lastVehicleId)
        && lastEvidence.equals(s.lastEvidence);
  }

  @Override
  public int hashCode() {
    return Objects.hash(siteId, baseMs);
  }

  @Override
  public String toString() {
    return "ServiceSite["
        + siteId
        + (bulky ? " bulky" : "")
        + (serviced ? " serviced " : " counted from ")
        + Instant.ofEpochMilli(baseMs)
        + " due "
        + Instant.ofEpochMilli(getDueMs())
        + "]";
  }
}
