package dev.dozor.simulator.city;

import dev.dozor.simulator.client.TelemetryRegistryClient.AssignmentBody;
import dev.dozor.simulator.client.TelemetryRegistryClient.ContractorBody;
import dev.dozor.simulator.client.TelemetryRegistryClient.District;
import dev.dozor.simulator.client.TelemetryRegistryClient.ImportedSegment;
import dev.dozor.simulator.client.TelemetryRegistryClient.VehicleRegistration;
import dev.dozor.simulator.client.TelemetryRegistryClient.WeatherEventBody;
import dev.dozor.simulator.client.TelemetryRegistryClient.ZoneBody;
import dev.dozor.simulator.fleet.Assignment;
import dev.dozor.simulator.fleet.FleetConfig;
import dev.dozor.simulator.fleet.ShiftPlan;
import dev.dozor.simulator.fleet.SimVehicle;
import dev.dozor.simulator.fleet.VehicleType;
import dev.dozor.simulator.grid.Geo;
import dev.dozor.simulator.grid.GeoPoint;
import dev.dozor.simulator.road.RoadEdge;
import dev.dozor.simulator.road.RoadGraph;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The registry a city has around the simulated fleet, as the bodies of telemetry-service's REST
 * API: contractors, zones (depots, a work zone per depot group, playgrounds, a snow-melting
 * station, yards, container sites; see {@link CityLayout}), each vehicle's references, one
 * assignment per vehicle and shift and — on imported roads — a snowfall. Pure and deterministic:
 * the same fleet (config and seed), shift start and imported segments give the same plan. See
 * {@link CityRegistrar} for the requests.
 */
public final class CityPlan {
  /** Half side of a depot zone around the depot junction, metres. */
  public static final double DEPOT_HALF_M = CityLayout.DEPOT_HALF_M;

  /** Margin of a work zone around the bounding box of its group's routes, metres. */
  public static final double WORK_MARGIN_M = CityLayout.WORK_MARGIN_M;

  /** Half side of a playground ({@code no-machinery}), metres. */
  public static final double PLAYGROUND_HALF_M = CityLayout.PLAYGROUND_HALF_M;

  /** Playground centre: this far from the road it is placed beside, metres. */
  public static final double PLAYGROUND_OFFSET_M = CityLayout.PLAYGROUND_OFFSET_M;

  /** Half side of the snow-melting station, metres. */
  public static final double STATION_HALF_M = CityLayout.STATION_HALF_M;

  /** Station centre: this far from the road it is placed beside, metres. */
  public static final double STATION_OFFSET_M = CityLayout.STATION_OFFSET_M;

  /** Half side of a container site around its junction, metres. */
  public static final double CONTAINER_HALF_M = CityLayout.CONTAINER_HALF_M;

  /** How many playgrounds a fleet gets. */
  public static final int PLAYGROUNDS = CityLayout.PLAYGROUNDS;

  /** How many yards a fleet gets. */
  public static final int YARDS = CityLayout.YARDS;

  /** Corridor of an assignment along imported segments (GEO-001's default), metres. */
  public static final double CORRIDOR_M = 50;

  /** An endless shift (the demo) is registered as the longest assignment allowed. */
  public static final Duration ENDLESS_ASSIGNMENT = Duration.ofDays(7);

  /** An imported segment belongs to a route when its midpoint is this close to a route edge. */
  static final double SEGMENT_MATCH_M = 3;

  /**
   * The default snowfall started this long before the first shift start; it ended at the shift
   * start ({@link Snowfall#DEFAULT}; {@code --snowfall} registers others).
   */
  public static final Duration SNOWFALL = Snowfall.DEFAULT.startedBefore();

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** A contractor to register. */
  public record Contractor(String id, ContractorBody body) {}

  /** A vehicle's references (each may be null). */
  public record VehicleRefs(String contractorId, String homeDistrictId, String depotZoneId) {}

  /** One shift of one vehicle. */
  public record ShiftAssignment(String id, AssignmentBody body) {}

  /** A weather event. */
  public record Weather(String id, WeatherEventBody body) {}

  private final List<Contractor> contractors;
  private final List<CityZone> zones;
  private final Map<String, VehicleRefs> refs;
  private final List<ShiftAssignment> assignments;
  private final List<Weather> weather;
  private final String loan;

  private CityPlan(
      List<Contractor> contractors,
      List<CityZone> zones,
      Map<String, VehicleRefs> refs,
      List<ShiftAssignment> assignments,
      List<Weather> weather,
      String loan) {
    this.loan = loan;
    this.contractors = List.copyOf(contractors);
    this.zones = List.copyOf(zones);
    this.refs = Map.copyOf(refs);
    this.assignments = List.copyOf(assignments);
    this.weather = List.copyOf(weather);
  }

  /**
   * The plan for a fleet.
   *
   * @param config the fleet's config (shift plan, roads)
   * @param vehicles the fleet's vehicles, in order
   * @param tours their route assignments, same order
   * @param roads the road graph they drive
   * @param shiftStart when the first shift starts (the fleet's start)
   * @param imported road segments imported into telemetry-service; used (segment ids, home
   *     districts, snowfall) only when the fleet drives real roads ({@code config.roads() != null})
   */
  public static CityPlan of(
      FleetConfig config,
      List<SimVehicle> vehicles,
      List<Assignment> tours,
      RoadGraph roads,
      Instant shiftStart,
      List<ImportedSegment> imported) {
    return of(config, vehicles, tours, roads, shiftStart, imported, Snowfall.defaults());
  }

  /**
   * The plan for a fleet, with the given snowfalls (registered per home district on imported roads,
   * in order; none when the list is empty).
   */
  public static CityPlan of(
      FleetConfig config,
      List<SimVehicle> vehicles,
      List<Assignment> tours,
      RoadGraph roads,
      Instant shiftStart,
      List<ImportedSegment> imported,
      List<Snowfall> snowfalls) {
    return of(config, vehicles, tours, roads, shiftStart, imported, snowfalls, List.of());
  }

  /**
   * The plan for a fleet, with the given snowfalls and a borrowed vehicle: when {@code districts}
   * (the imported districts with their okrugs) is not empty and the fleet drives imported roads,
   * the fleet's last refuse truck (else its last vehicle) is on loan from another okrug — its home
   * district is the first district (by id) of an okrug none of the other vehicles' home districts
   * lies in, and it has no assignment — so GEO-002 (outside the home okrug without an assignment
   * there) sees it working the whole shift. See {@link #borrowedVehicleId}.
   */
  public static CityPlan of(
      FleetConfig config,
      List<SimVehicle> vehicles,
      List<Assignment> tours,
      RoadGraph roads,
      Instant shiftStart,
      List<ImportedSegment> imported,
      List<Snowfall> snowfalls,
      List<District> allDistricts) {
    List<ImportedSegment> segments =
        config.roads() != null && imported != null ? imported : List.of();

    // contractors: one per organisation label, in order of first appearance
    Map<String, String> contractorIds = new LinkedHashMap<>();
    for (SimVehicle v : vehicles) {
      contractorIds.computeIfAbsent(
          v.contractor(), k -> "sim-contractor-" + (contractorIds.size() + 1));
    }
    List<Contractor> contractors = new ArrayList<>();
    contractorIds.forEach(
        (name, id) -> contractors.add(new Contractor(id, new ContractorBody(name, null, null))));

    CityLayout layout = CityLayout.of(roads, tours);
    Map<Integer, CityZone> depots = layout.depots();
    Map<Integer, CityZone> workZones = layout.workZones();
    List<CityZone> zones = layout.zones();

    Map<String, VehicleRefs> refs = new LinkedHashMap<>();
    List<ShiftAssignment> assignments = new ArrayList<>();
    Set<String> districts = new LinkedHashSet<>();
    ShiftPlan shift = config.shift();
    for (int i = 0; i < vehicles.size(); i++) {
      SimVehicle v = vehicles.get(i);
      Assignment a = tours.get(i);
      String home = segments.isEmpty() ? null : nearestDistrict(a.depot(), segments);
      if (home != null) {
        districts.add(home);
      }
      refs.put(
          v.id(),
          new VehicleRefs(contractorIds.get(v.contractor()), home, depots.get(a.depotNode()).id()));
      Instant start = shiftStart.plus(shift.stagger().multipliedBy(i % 10));
      Instant end = start.plus(shift.isEndless() ? ENDLESS_ASSIGNMENT : shift.length());
      List<String> route = segments.isEmpty() ? List.of() : routeSegments(a, roads, segments);
      assignments.add(
          new ShiftAssignment(
              "sim-shift-" + v.id() + "-" + STAMP.format(start),
              new AssignmentBody(
                  v.id(),
                  start.toString(),
                  end.toString(),
                  workZones.get(a.depotNode()).id(),
                  route.isEmpty() ? null : route,
                  route.isEmpty() ? null : CORRIDOR_M,
                  "simulator: "
                      + v.type().wireName()
                      + " tour from "
                      + depots.get(a.depotNode()).id())));
    }
    String borrowed = segments.isEmpty() ? null : borrowedVehicleId(vehicles, allDistricts);
    String loan = null;
    if (borrowed != null) {
      Map<String, String> okrugOf = new HashMap<>();
      allDistricts.stream()
          .filter(d -> d.okrug() != null)
          .forEach(d -> okrugOf.put(d.id(), d.okrug()));
      Set<String> homeOkrugs = new LinkedHashSet<>();
      refs.forEach(
          (id, r) -> {
            String okrug = r.homeDistrictId() == null ? null : okrugOf.get(r.homeDistrictId());
            if (!id.equals(borrowed) && okrug != null) {
              homeOkrugs.add(okrug);
            }
          });
      District elsewhere =
          allDistricts.stream()
              .filter(d -> d.okrug() != null && !homeOkrugs.contains(d.okrug()))
              .min(Comparator.comparing(District::id))
              .orElse(null);
      if (elsewhere != null && !homeOkrugs.isEmpty()) {
        VehicleRefs had = refs.get(borrowed);
        refs.put(borrowed, new VehicleRefs(had.contractorId(), elsewhere.id(), had.depotZoneId()));
        assignments.removeIf(a -> a.body().vehicleId().equals(borrowed));
        loan = borrowed + " on loan from " + elsewhere.id() + " (" + elsewhere.okrug() + ")";
      }
    }
    List<Weather> weather = new ArrayList<>();
    for (String d : districts) {
      for (Snowfall snow : snowfalls) {
        Instant started = snow.startedAt(shiftStart);
        weather.add(
            new Weather(
                "sim-snowfall-started-" + d + "-" + STAMP.format(started),
                new WeatherEventBody(d, "snowfall-started", started.toString(), "simulator")));
        if (snow.ended()) {
          Instant ended = snow.endedAt(shiftStart);
          weather.add(
              new Weather(
                  "sim-snowfall-ended-" + d + "-" + STAMP.format(ended),
                  new WeatherEventBody(d, "snowfall-ended", ended.toString(), "simulator")));
        }
      }
    }
    return new CityPlan(contractors, zones, refs, assignments, weather, loan);
  }

  /**
   * The vehicle a plan with imported districts lends from another okrug: the fleet's last refuse
   * truck, else its last vehicle; null without districts or with fewer than two vehicles.
   */
  public static String borrowedVehicleId(List<SimVehicle> vehicles, List<District> districts) {
    if (districts == null || districts.isEmpty() || vehicles.size() < 2) {
      return null;
    }
    for (int i = vehicles.size() - 1; i >= 0; i--) {
      if (vehicles.get(i).type() == VehicleType.REFUSE) {
        return vehicles.get(i).id();
      }
    }
    return vehicles.get(vehicles.size() - 1).id();
  }

  /** The district of the imported segment nearest to {@code p} (midpoints), or null. */
  static String nearestDistrict(GeoPoint p, List<ImportedSegment> segments) {
    return segments.stream()
        .filter(s -> s.districtId() != null)
        .min(Comparator.comparingDouble(s -> Geo.haversineMetres(p, midpoint(s))))
        .map(ImportedSegment::districtId)
        .orElse(null);
  }

  /** Imported segments whose midpoint lies on the vehicle's route, in id order. */
  static List<String> routeSegments(Assignment a, RoadGraph roads, List<ImportedSegment> segments) {
    List<RoadEdge> route =
        roads.edges().stream().filter(e -> a.routeEdges().contains(e.id())).toList();
    Set<String> ids = new TreeSet<>();
    for (ImportedSegment s : segments) {
      GeoPoint m = midpoint(s);
      for (RoadEdge e : route) {
        if (e.distanceMetres(m) <= SEGMENT_MATCH_M) {
          ids.add(s.id());
          break;
        }
      }
    }
    return List.copyOf(ids);
  }

  /** The point half way along the segment's polyline. */
  static GeoPoint midpoint(ImportedSegment s) {
    List<GeoPoint> pts = s.points();
    double total = 0;
    for (int i = 1; i < pts.size(); i++) {
      total += Geo.haversineMetres(pts.get(i - 1), pts.get(i));
    }
    double half = total / 2;
    for (int i = 1; i < pts.size(); i++) {
      double d = Geo.haversineMetres(pts.get(i - 1), pts.get(i));
      if (half <= d && d > 0) {
        return pts.get(i - 1).interpolate(pts.get(i), half / d);
      }
      half -= d;
    }
    return pts.get(pts.size() - 1);
  }

  public List<Contractor> contractors() {
    return contractors;
  }

  /** Every zone: depots, work zones, playgrounds, the snow-melting station, container sites. */
  public List<CityZone> zones() {
    return zones;
  }

  /** The zones of one kind. */
  public List<CityZone> zones(String kind) {
    return zones.stream().filter(z -> z.kind().equals(kind)).toList();
  }

  /** A zone by id, or null. */
  public CityZone zone(String id) {
    return zones.stream().filter(z -> z.id().equals(id)).findFirst().orElse(null);
  }

  /** Each vehicle's references by vehicle id. */
  public VehicleRefs refs(String vehicleId) {
    return refs.get(vehicleId);
  }

  /** The body of {@code PUT /api/v1/vehicles/{id}} for {@code v}. */
  public VehicleRegistration vehicleBody(SimVehicle v) {
    VehicleRefs r = refs.get(v.id());
    return r == null
        ? VehicleRegistration.of(v, null, null, null)
        : VehicleRegistration.of(v, r.contractorId(), r.homeDistrictId(), r.depotZoneId());
  }

  public List<ShiftAssignment> assignments() {
    return assignments;
  }

  public List<Weather> weather() {
    return weather;
  }

  /** The body of a zone's {@code PUT /api/v1/zones/{id}}. */
  public static ZoneBody zoneBody(CityZone z) {
    return new ZoneBody(z.name(), z.kind(), null, z.geoJson());
  }

  /** One line for the log: what is registered. */
  public String summary() {
    Map<String, Integer> kinds = new LinkedHashMap<>();
    zones.forEach(z -> kinds.merge(z.kind(), 1, Integer::sum));
    long withSegments = assignments.stream().filter(a -> a.body().segmentIds() != null).count();
    return contractors.size()
        + " contractors, zones "
        + kinds
        + ", "
        + assignments.size()
        + " assignments"
        + (withSegments > 0 ? " (" + withSegments + " along imported road segments)" : "")
        + (weather.isEmpty() ? "" : ", " + weather.size() + " weather events")
        + (loan == null ? "" : ", " + loan + ", no assignment");
  }

  /** "vehicle on loan from district (okrug)" when a vehicle is borrowed, else null. */
  public String loan() {
    return loan;
  }
}
