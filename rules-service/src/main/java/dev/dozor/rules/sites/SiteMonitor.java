package dev.dozor.rules.sites;

import dev.dozor.events.ViolationEvent;
import dev.dozor.events.ZoneRecord;
import dev.dozor.rules.engine.EngineSettings;
import dev.dozor.rules.engine.Episode;
import dev.dozor.rules.engine.EpisodeChange;
import dev.dozor.rules.engine.EpisodePolicy;
import dev.dozor.rules.engine.RuleEngine;
import dev.dozor.rules.engine.SiteVisitSink;
import dev.dozor.rules.engine.ViolationSink;
import dev.dozor.rules.geo.GeoIndex;
import dev.dozor.rules.regulation.ParameterResolver;
import dev.dozor.rules.regulation.RegulationCatalogue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.rule.FactHandle;

/**
 * TIM-003's site-keyed half: the last service of every container site this instance owns, and the
 * overdue episodes of those sites, evaluated by the TIM-003 rules in a session of the engine's
 * KieBase (one DRL per regulation). Fed with the records of {@code dozor.site-visits.v1} ({@link
 * #visit}); {@link #poll} syncs the sites with the registry, moves the event clock and returns the
 * violation events and the baselines to publish.
 *
 * <p>Ownership: the sites whose {@code dozor.site-visits.v1} partition (Kafka's default partitioner
 * on the site id) is assigned to this instance and was read up to its end ({@link #activate}); with
 * {@code partitions == 0} every site (one instance, tests).
 *
 * <p>State: one {@link ServiceSite} and at most one open {@link Episode} per owned site, and the
 * latest visit record per site of the owned partitions. All of it is rebuilt from the compacted
 * topic after a restart; the episodes' ids come from (TIM-003, site, due time), so a restarted
 * monitor reports the same episodes.
 *
 * <p>Thread-safe by serialising every public method.
 */
public final class SiteMonitor implements AutoCloseable {
  public static final String REGULATION_ID = "TIM-003";
  private static final int MAX_FIRINGS_PER_SITE = 100;

  /**
   * What a poll produced.
   *
   * @param violations TIM-003 episode changes for {@code dozor.violations.v1}
   * @param baselines records for the visit topic: baselines of sites seen for the first time, and a
   *     site's latest record again when an older one was published after it (so the compacted
   *     topic's last record per site is always its latest service)
   */
  public record Output(List<ViolationEvent> violations, List<SiteVisit> baselines) {
    public Output {
      violations = List.copyOf(violations);
      baselines = List.copyOf(baselines);
    }
  }

  private final RuleEngine engine;
  private final int partitions;
  private final Set<Integer> active = new HashSet<>();
  private final Map<String, SiteVisit> latest = new HashMap<>();
  private final Map<String, SiteVisit> reassert = new HashMap<>();
  private final Map<String, ServiceSite> sites = new HashMap<>();
  private final Map<String, FactHandle> siteHandles = new HashMap<>();
  private final Map<String, String> districtCache = new HashMap<>();
  private final ViolationSink sink = new ViolationSink();
  private final SiteClock clock = new SiteClock(Long.MIN_VALUE);
  private long visitClockMs = Long.MIN_VALUE;
  private GeoIndex districtCacheOf;
  private RegulationCatalogue resolverOf;
  private ParameterResolver resolver;
  private KieBase kieBase;
  private KieSession session;
  private FactHandle clockHandle;

  /**
   * @param engine the rule engine whose KieBase, catalogue, registry and settings the monitor uses
   * @param partitions partitions of {@code dozor.site-visits.v1}; 0 = this monitor owns every site
   */
  public SiteMonitor(RuleEngine engine, int partitions) {
    this.engine = engine;
    this.partitions = partitions;
  }

  /** A monitor that owns every site (one instance; tests). */
  public static SiteMonitor ownAll(RuleEngine engine) {
    return new SiteMonitor(engine, 0);
  }

  /** The partition of {@code dozor.site-visits.v1} a site's records go to (key: site id). */
  public static int partitionOf(String siteId, int partitions) {
    return Utils.toPositive(Utils.murmur2(siteId.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /**
   * Takes a record of the visit topic: a visit (the latest end per site counts) or a baseline. A
   * visit also moves the monitor's event time to its end.
   */
  public synchronized void visit(SiteVisit v) {
    SiteVisit had = latest.get(v.siteId());
    // a baseline only says "no service known, counted from when the site was first seen": any
    // real visit, even an older one uploaded late (a black box), replaces it; a baseline never
    // replaces a real visit
    if (had == null
        || (had.isBaseline() && !v.isBaseline())
        || (v.isBaseline() == had.isBaseline() && v.endedAt().isAfter(had.endedAt()))) {
      latest.put(v.siteId(), v);
      reassert.remove(v.siteId());
    } else if (had.equals(v)) {
      reassert.remove(v.siteId()); // the latest record came again after the older one
    } else {
      // an older record landed after the latest one (a late upload): compaction keeps the last
      // record per site, so the latest is published again
      reassert.put(v.siteId(), had);
    }
    if (!v.isBaseline()) {
      visitClockMs = Math.max(visitClockMs, v.endedAt().toEpochMilli());
    }
  }

  /** The partition was read up to its end: its sites are evaluated from now on. */
  public synchronized void activate(int partition) {
    active.add(partition);
  }

  /**
   * The partitions moved to another instance: their sites, episodes and visits are dropped here
   * without closing anything (the new owner continues them).
   */
  public synchronized void release(Collection<Integer> gone) {
    active.removeAll(gone);
    if (partitions == 0) {
      return;
    }
    latest.keySet().removeIf(id -> gone.contains(partitionOf(id, partitions)));
    reassert.keySet().removeIf(id -> gone.contains(partitionOf(id, partitions)));
    for (Iterator<Map.Entry<String, ServiceSite>> it = sites.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<String, ServiceSite> e = it.next();
      if (gone.contains(partitionOf(e.getKey(), partitions))) {
        String vehicle = e.getValue().getViolationVehicleId();
        if (session != null) {
          for (FactHandle h :
              session.getFactHandles(
                  o -> o instanceof Episode ep && ep.getVehicleId().equals(vehicle))) {
            session.delete(h);
          }
          session.delete(siteHandles.remove(e.getKey()));
        }
        it.remove();
      }
    }
  }

  /**
   * Syncs the sites with the registry and the regulation set in force, moves the event time to the
   * latest of {@code watermarkMs} (the engine's) and the visits seen, and fires the TIM-003 rules.
   *
   * @return the violation events of the owned sites and the baselines of sites seen for the first
   *     time (publish them on the visit topic, so a restart counts from the same moment)
   */
  public synchronized Output poll(long watermarkMs) {
    List<SiteVisit> baselines = new ArrayList<>();
    RegulationCatalogue catalogue = engine.catalogue();
    if (catalogue.regulations().stream().noneMatch(r -> r.id().equals(REGULATION_ID))) {
      dropSession();
      return new Output(List.of(), List.of());
    }
    long now = Math.max(watermarkMs, visitClockMs);
    boolean moved = now != Long.MIN_VALUE && clock.advanceTo(now);
    if (clock.getNowMs() == Long.MIN_VALUE) {
      return new Output(List.of(), List.of()); // no event time yet
    }
    ensureSession();
    if (catalogue != resolverOf) {
      resolver = ParameterResolver.of(catalogue.regulations());
      resolverOf = catalogue;
    }
    syncSites(baselines);
    for (Iterator<SiteVisit> it = reassert.values().iterator(); it.hasNext(); ) {
      SiteVisit v = it.next();
      if (owns(v.siteId())) {
        baselines.add(v);
        it.remove();
      }
    }
    if (moved) {
      session.update(clockHandle, clock);
    }
    int limit = MAX_FIRINGS_PER_SITE * (1 + sites.size());
    int fired = session.fireAllRules(limit);
    if (fired >= limit) {
      throw new IllegalStateException("TIM-003 site rules fired " + fired + " times: a rule loop");
    }
    List<ViolationEvent> events = new ArrayList<>();
    for (EpisodeChange c : sink.drain()) {
      events.add(engine.violationEvent(c));
    }
    return new Output(events, baselines);
  }

  private void ensureSession() {
    KieBase current = engine.kieBase();
    if (session != null && current == kieBase) {
      return;
    }
    List<Object> carried = new ArrayList<>();
    if (session != null) {
      carried.addAll(session.getObjects(o -> o instanceof Episode));
      session.dispose();
    }
    kieBase = current;
    KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
    conf.setOption(ClockTypeOption.PSEUDO);
    session = kieBase.newKieSession(conf, null);
    session.setGlobal("sink", sink);
    session.setGlobal("siteVisits", new SiteVisitSink());
    EngineSettings settings = engine.settings();
    session.insert(new EpisodePolicy(settings.updateInterval().toMillis()));
    clockHandle = session.insert(clock);
    siteHandles.clear();
    sites.forEach((id, s) -> siteHandles.put(id, session.insert(s)));
    carried.forEach(session::insert);
  }

  private void dropSession() {
    if (session != null) {
      session.dispose();
      session = null;
      kieBase = null;
    }
    sites.clear();
    siteHandles.clear();
  }

  private boolean owns(String siteId) {
    return partitions == 0 || active.contains(partitionOf(siteId, partitions));
  }

  private void syncSites(List<SiteVisit> baselines) {
    GeoIndex geo = engine.registry().geoIndex();
    if (geo != districtCacheOf) {
      districtCache.clear();
      districtCacheOf = geo;
    }
    Set<String> wanted = new HashSet<>();
    for (ZoneRecord z : geo.zoneRecords(ZoneRecord.CONTAINER_SITE)) {
      if (!owns(z.id())) {
        continue;
      }
      wanted.add(z.id());
      SiteVisit base = latest.get(z.id());
      if (base == null) {
        base = SiteVisit.baseline(z.id(), Instant.ofEpochMilli(clock.getNowMs()));
        latest.put(z.id(), base);
        baselines.add(base);
      }
      String district =
          z.districtId() != null
              ? z.districtId()
              : districtCache.computeIfAbsent(z.id(), id -> orEmpty(geo.districtOfZone(id)));
      ServiceSite now =
          new ServiceSite(
              z.id(),
              z.name(),
              district.isEmpty() ? null : district,
              resolver.resolve(REGULATION_ID, null, district.isEmpty() ? null : district, null),
              base,
              engine.settings().localZone());
      ServiceSite had = sites.get(z.id());
      if (had == null) {
        sites.put(z.id(), now);
        siteHandles.put(z.id(), session.insert(now));
      } else if (!had.equals(now)) {
        sites.put(z.id(), now);
        session.update(siteHandles.get(z.id()), now);
      }
    }
    for (Iterator<Map.Entry<String, ServiceSite>> it = sites.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<String, ServiceSite> e = it.next();
      if (!wanted.contains(e.getKey())) {
        // the zone left the registry (or is no container site any more): its episode ends
        session.delete(siteHandles.remove(e.getKey()));
        it.remove();
      }
    }
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /** The record a site's service time counts from (its latest visit or baseline), or null. */
  public synchronized SiteVisit latestRecord(String siteId) {
    return latest.get(siteId);
  }

  /** Sites evaluated here (owned, with event time known). */
  public synchronized int siteCount() {
    return sites.size();
  }

  /** Facts of the site session: the sites, their open episodes, the clock and the policy. */
  public synchronized long factCount() {
    return session == null ? 0 : session.getFactCount();
  }

  /** Open (or ended, not yet reported) overdue episodes. */
  public synchronized long episodeCount() {
    return session == null ? 0 : session.getObjects(o -> o instanceof Episode).size();
  }

  /** The monitor's event time, or {@link Long#MIN_VALUE} before the first poll with a time. */
  public synchronized long nowMs() {
    return clock.getNowMs();
  }

  @Override
  public synchronized void close() {
    dropSession();
  }
}
