package dev.dozor.simulator.fleet;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.simulator.city.CityZone;
import dev.dozor.simulator.fault.FaultPlan;
import dev.dozor.simulator.fault.FaultType;
import dev.dozor.simulator.fault.GroundTruthEntry;
import dev.dozor.simulator.grid.Geo;
import dev.dozor.simulator.grid.GeoPoint;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Last night's black box" for a short demo: the night regulations (TIM-004 refuse collection at
 * night, TIM-005 yard work at night) can only fire on fixes taken at night in Moscow, which a demo
 * run by day never produces. At start, a refuse truck and a plough or sweeper upload the fixes
 * their trackers kept from last night's shift: the same fleet (same config and seed, so the same
 * routes, depots and zones as the live fleet) simulated in virtual time from {@link #NIGHT_FROM}
 * Moscow time for {@link #NIGHT_LENGTH}, with only the {@code night-collection} and {@code
 * night-yard} faults, at the highest rate (they wait for their place anyway). The first refuse
 * truck whose night produced a {@code night-collection} episode and the first vehicle with a {@code
 * night-yard-work} episode are chosen; their fixes up to {@link #TAIL} after that episode are
 * uploaded (sent through their device before any live fix, so the rules engine, which has no track
 * of them yet, processes them in order).
 *
 * <p>Pure and deterministic for a fleet config and a time; no I/O.
 */
public final class BlackBoxHistory {
  /** Moscow time, where the regulations' local hours apply. */
  public static final ZoneId LOCAL = ZoneId.of("Europe/Moscow");

  /** Last night's shift starts at this local time. */
  public static final LocalTime NIGHT_FROM = LocalTime.of(1, 0);

  /** How much of the night is simulated. */
  public static final Duration NIGHT_LENGTH = Duration.ofHours(3);

  /** Fixes kept after the chosen episode ends. */
  public static final Duration TAIL = Duration.ofMinutes(2);

  /**
   * TIM-003: a refuse truck also uploads an older trip, this long ago, up to its first stop at a
   * container site: that site's last service is then older than the 72 h of the cold months.
   */
  public static final Duration OLD_TRIP_AGO = Duration.ofHours(76);

  /** How long the old trip is simulated at most (it is cut after its first site stop). */
  static final Duration OLD_TRIP_LENGTH = Duration.ofMinutes(40);

  /** A site stop: below 1 km/h for at least 60 s within 30 m of the site (TIM-003's defaults). */
  static final double STOP_RADIUS_M = 25;

  static final Duration STOP_MIN = Duration.ofSeconds(70);

  /** The night must have ended this long before now (its fixes are late data, not live). */
  static final Duration MIN_AGE = Duration.ofHours(2);

  private final Instant nightStart;
  private final Map<String, List<TelemetryPoint>> fixes;
  private final List<GroundTruthEntry> truth;
  private final SiteStop oldStop;

  private BlackBoxHistory(
      Instant nightStart,
      Map<String, List<TelemetryPoint>> fixes,
      List<GroundTruthEntry> truth,
      SiteStop oldStop) {
    this.oldStop = oldStop;
    this.nightStart = nightStart;
    this.fixes = fixes;
    this.truth = truth;
  }

  /** The start of the latest night shift ({@link #NIGHT_FROM} local) that ended 2 h before now. */
  public static Instant lastNight(Instant now) {
    LocalDate day = now.atZone(LOCAL).toLocalDate();
    for (int back = 0; back < 3; back++) {
      Instant start = ZonedDateTime.of(day.minusDays(back), NIGHT_FROM, LOCAL).toInstant();
      if (!start.plus(NIGHT_LENGTH).plus(MIN_AGE).isAfter(now)) {
        return start;
      }
    }
    throw new IllegalStateException("no night before " + now); // unreachable
  }

  /**
   * Plans the upload for a live fleet configured by {@code config} starting at {@code now}.
   * Vehicles without such an episode upload nothing (the map may be empty, e.g. a fleet without
   * refuse trucks or with no playground-like yard beside a plough's or sweeper's route).
   */
  public static BlackBoxHistory of(FleetConfig config, Instant now) {
    Instant night = lastNight(now);
    FleetConfig nightConfig =
        config
            .withFaults(
                FaultPlan.none()
                    .with(FaultType.NIGHT_COLLECTION, FaultPlan.MAX_RATE_PER_HOUR)
                    .with(FaultType.NIGHT_YARD_WORK, FaultPlan.MAX_RATE_PER_HOUR))
            .withShift(ShiftPlan.of(NIGHT_LENGTH));
    Fleet fleet = Fleet.create(nightConfig, night);
    Map<String, List<TelemetryPoint>> all = fleet.stepByVehicle(night.plus(NIGHT_LENGTH));
    List<GroundTruthEntry> chosen = new ArrayList<>();
    for (FaultType type : List.of(FaultType.NIGHT_COLLECTION, FaultType.NIGHT_YARD_WORK)) {
      fleet.groundTruth().stream()
          .filter(e -> e.fault().equals(type.wireName()))
          .filter(e -> chosen.stream().noneMatch(c -> c.vehicleId().equals(e.vehicleId())))
          .findFirst()
          .ifPresent(chosen::add);
    }
    Map<String, List<TelemetryPoint>> upload = new LinkedHashMap<>();
    SiteStop old =
        oldSiteStop(
            config,
            now.minus(OLD_TRIP_AGO).truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
            chosen.stream().map(GroundTruthEntry::vehicleId).toList());
    if (old != null) {
      upload.put(old.vehicleId(), old.fixes());
    }
    for (GroundTruthEntry e : chosen) {
      Instant until = e.end().plus(TAIL);
      List<TelemetryPoint> nightFixes =
          all.getOrDefault(e.vehicleId(), List.of()).stream()
              .filter(p -> !p.fixTime().isAfter(until))
              .toList();
      upload.merge(
          e.vehicleId(),
          nightFixes,
          (a, b) -> {
            List<TelemetryPoint> both = new ArrayList<>(a);
            both.addAll(b);
            return List.copyOf(both);
          });
    }
    return new BlackBoxHistory(night, upload, List.copyOf(chosen), old);
  }

  /**
   * An old trip ending at a container-site stop.
   *
   * @param vehicleId the refuse truck
   * @param siteId the container site it stopped at
   * @param stopStart the first fix of the stop
   * @param stopEnd the last fix of the stop
   * @param fixes its fixes from the trip's start to the stop's end plus one interval
   */
  public record SiteStop(
      String vehicleId,
      String siteId,
      Instant stopStart,
      Instant stopEnd,
      List<TelemetryPoint> fixes) {}

  /**
   * The first refuse truck (preferring one not in {@code avoid}) that stops at a container site
   * during {@link #OLD_TRIP_LENGTH} from {@code from}, without faults; null when none does.
   */
  static SiteStop oldSiteStop(FleetConfig config, Instant from, List<String> avoid) {
    FleetConfig c = config.withFaults(FaultPlan.none()).withShift(ShiftPlan.of(OLD_TRIP_LENGTH));
    Fleet fleet = Fleet.create(c, from);
    List<CityZone> sites =
        fleet.layout().zones().stream()
            .filter(z -> z.kind().equals(CityZone.CONTAINER_SITE))
            .toList();
    if (sites.isEmpty()) {
      return null;
    }
    Map<String, List<TelemetryPoint>> all = fleet.stepByVehicle(from.plus(OLD_TRIP_LENGTH));
    List<SiteStop> found = new ArrayList<>();
    for (SimVehicle v : fleet.vehicles()) {
      if (v.type() != VehicleType.REFUSE) {
        continue;
      }
      SiteStop stop = firstSiteStop(v.id(), all.getOrDefault(v.id(), List.of()), sites);
      if (stop != null) {
        found.add(stop);
      }
    }
    return found.stream()
        .filter(s -> !avoid.contains(s.vehicleId()))
        .findFirst()
        .orElse(found.isEmpty() ? null : found.get(0));
  }

  /** The first stop of {@code fixes} at one of {@code sites}, cut one fix after it; or null. */
  static SiteStop firstSiteStop(
      String vehicleId, List<TelemetryPoint> fixes, List<CityZone> sites) {
    int runStart = -1;
    CityZone runSite = null;
    for (int i = 0; i < fixes.size(); i++) {
      TelemetryPoint p = fixes.get(i);
      CityZone site = p.speedKmh() < 1 ? siteNear(p, sites) : null;
      if (site != null && site.equals(runSite)) {
        continue;
      }
      if (runSite != null
          && Duration.between(fixes.get(runStart).fixTime(), fixes.get(i - 1).fixTime())
                  .compareTo(STOP_MIN)
              >= 0) {
        return new SiteStop(
            vehicleId,
            runSite.id(),
            fixes.get(runStart).fixTime(),
            fixes.get(i - 1).fixTime(),
            List.copyOf(fixes.subList(0, i + 1)));
      }
      runStart = site == null ? -1 : i;
      runSite = site;
    }
    return null;
  }

  private static CityZone siteNear(TelemetryPoint p, List<CityZone> sites) {
    GeoPoint here = new GeoPoint(p.lat(), p.lon());
    for (CityZone z : sites) {
      if (Geo.haversineMetres(here, z.centre()) <= STOP_RADIUS_M) {
        return z;
      }
    }
    return null;
  }

  /** The old trip to a container site (TIM-003), or null when the fleet has none. */
  public SiteStop oldSiteStop() {
    return oldStop;
  }

  /** When the simulated night shift started. */
  public Instant nightStart() {
    return nightStart;
  }

  /** The fixes each chosen vehicle uploads, in fix-time order. */
  public Map<String, List<TelemetryPoint>> fixes() {
    return fixes;
  }

  /** The night episodes in the upload (ground truth, the same format as the live faults). */
  public List<GroundTruthEntry> groundTruth() {
    return truth;
  }

  public boolean isEmpty() {
    return fixes.isEmpty();
  }
}
