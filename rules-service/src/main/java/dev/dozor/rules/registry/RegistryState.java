package dev.dozor.rules.registry;

import dev.dozor.events.AssignmentRecord;
import dev.dozor.events.DistrictRecord;
import dev.dozor.events.RoadSegmentRecord;
import dev.dozor.events.VehicleRecord;
import dev.dozor.events.WeatherEventRecord;
import dev.dozor.events.ZoneRecord;
import dev.dozor.rules.engine.AssignmentFact;
import dev.dozor.rules.engine.SegmentMatch;
import dev.dozor.rules.engine.WeatherFact;
import dev.dozor.rules.geo.GeoIndex;
import dev.dozor.rules.geo.Geography;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the rules know of the registry: vehicles, their assignments, weather events, and the
 * geography as an immutable {@link GeoIndex} that is rebuilt on change and swapped in whole.
 * Written by the registry consumer's thread, read by the engine's: every read sees a consistent
 * snapshot.
 */
public final class RegistryState implements Fleet {
  private final Map<String, VehicleRecord> vehicles = new ConcurrentHashMap<>();
  private final Map<String, AssignmentFact> assignments = new ConcurrentHashMap<>();

  /** Each vehicle's assignments by shift start, as immutable lists replaced whole on change. */
  private final Map<String, List<AssignmentFact>> assignmentsByVehicle = new ConcurrentHashMap<>();

  private final Map<String, WeatherFact> weather = new ConcurrentHashMap<>();
  private final AtomicLong plansVersion = new AtomicLong();
  private final AtomicLong vehiclesVersion = new AtomicLong();
  private final GeoIndex.Builder places;
  private boolean placesDirty;
  private volatile GeoIndex geography;

  public RegistryState() {
    this(GeoIndex.DEFAULT_SEGMENT_RADIUS_M);
  }

  public RegistryState(double segmentRadiusM) {
    this.places = new GeoIndex.Builder().segmentRadiusM(segmentRadiusM);
    this.geography = places.build();
  }

  // ---- writes (one thread) ----

  public void vehicle(VehicleRecord v) {
    vehicles.put(v.id(), v);
    vehiclesVersion.incrementAndGet();
  }

  public void removeVehicle(String id) {
    if (vehicles.remove(id) != null) {
      vehiclesVersion.incrementAndGet();
    }
  }

  public synchronized void district(DistrictRecord d) {
    places.district(d);
    placesDirty = true;
  }

  public synchronized void removeDistrict(String id) {
    places.removeDistrict(id);
    placesDirty = true;
  }

  public synchronized void zone(ZoneRecord z) {
    places.zone(z);
    placesDirty = true;
  }

  public synchronized void removeZone(String id) {
    places.removeZone(id);
    placesDirty = true;
  }

  public synchronized void segment(RoadSegmentRecord s) {
    places.segment(s);
    placesDirty = true;
  }

  public synchronized void removeSegment(String id) {
    places.removeSegment(id);
    placesDirty = true;
  }

  public synchronized void assignment(AssignmentRecord a) {
    AssignmentFact now = new AssignmentFact(a);
    AssignmentFact had = assignments.put(a.id(), now);
    if (had != null) {
      unindex(had);
    }
    List<AssignmentFact> list =
        new ArrayList<>(assignmentsByVehicle.getOrDefault(now.getVehicleId(), List.of()));
    list.add(now);
    list.sort(Comparator.comparingLong(AssignmentFact::getShiftStartMs));
    assignmentsByVehicle.put(now.getVehicleId(), List.copyOf(list));
    plansVersion.incrementAndGet();
  }

  public synchronized void removeAssignment(String id) {
    AssignmentFact had = assignments.remove(id);
    if (had != null) {
      unindex(had);
      plansVersion.incrementAndGet();
    }
  }

  public synchronized void weather(WeatherEventRecord w) {
    weather.put(w.id(), new WeatherFact(w));
    plansVersion.incrementAndGet();
  }

  public synchronized void removeWeather(String id) {
    if (weather.remove(id) != null) {
      plansVersion.incrementAndGet();
    }
  }

  /**
   * Rebuilds the spatial index if places changed since the last call (the consumer calls this once
   * it has applied a poll's records, so a bulk import costs one rebuild).
   *
   * @return whether it rebuilt
   */
  public synchronized boolean publishPlaces() {
    if (!placesDirty) {
      return false;
    }
    geography = places.build();
    placesDirty = false;
    return true;
  }

  /** Takes one assignment out of its vehicle's list (a change costs one vehicle's list). */
  private void unindex(AssignmentFact gone) {
    List<AssignmentFact> list = assignmentsByVehicle.get(gone.getVehicleId());
    if (list == null) {
      return;
    }
    List<AssignmentFact> rest = list.stream().filter(x -> !x.getId().equals(gone.getId())).toList();
    if (rest.isEmpty()) {
      assignmentsByVehicle.remove(gone.getVehicleId());
    } else {
      assignmentsByVehicle.put(gone.getVehicleId(), rest);
    }
  }

  // ---- reads ----

  /** Raised on every change of assignments or weather events. */
  @Override
  public long plansVersion() {
    return plansVersion.get();
  }

  @Override
  public List<AssignmentFact> assignmentsOf(String vehicleId) {
    return assignmentsByVehicle.getOrDefault(vehicleId, List.of());
  }

  public Collection<AssignmentFact> assignments() {
    return List.copyOf(assignments.values());
  }

  public Collection<WeatherFact> weatherEvents() {
    return List.copyOf(weather.values());
  }

  public int vehicleCount() {
    return vehicles.size();
  }

  public GeoIndex geoIndex() {
    return geography;
  }

  /** A view that always reads the current index. */
  public Geography geography() {
    return new CurrentGeography();
  }

  @Override
  public VehicleRecord vehicle(String vehicleId) {
    return vehicles.get(vehicleId);
  }

  /** Raised on every change of a vehicle record. */
  @Override
  public long vehiclesVersion() {
    return vehiclesVersion.get();
  }

  @Override
  public AssignmentFact activeAssignment(String vehicleId, long epochMs) {
    List<AssignmentFact> list = assignmentsByVehicle.get(vehicleId);
    if (list == null) {
      return null;
    }
    for (AssignmentFact a : list) {
      if (a.covers(epochMs)) {
        return a;
      }
    }
    return null;
  }

  private final class CurrentGeography implements Geography {
    @Override
    public String districtAt(double lat, double lon) {
      return geography.districtAt(lat, lon);
    }

    @Override
    public String okrugOf(String districtId) {
      return geography.okrugOf(districtId);
    }

    @Override
    public List<String> zonesAt(String kind, double lat, double lon) {
      return geography.zonesAt(kind, lat, lon);
    }

    @Override
    public boolean contains(String zoneId, double lat, double lon) {
      return geography.contains(zoneId, lat, lon);
    }

    @Override
    public String nearestZone(String kind, double lat, double lon, double maxDistanceM) {
      return geography.nearestZone(kind, lat, lon, maxDistanceM);
    }

    @Override
    public SegmentMatch segmentAt(double lat, double lon) {
      return geography.segmentAt(lat, lon);
    }

    @Override
    public Integer roadLimitKmhAt(double lat, double lon) {
      return geography.roadLimitKmhAt(lat, lon);
    }

    @Override
    public double distanceToSegmentsM(List<String> segmentIds, double lat, double lon) {
      return geography.distanceToSegmentsM(segmentIds, lat, lon);
    }

    @Override
    public dev.dozor.rules.geo.Route route(List<String> segmentIds, dev.dozor.rules.geo.Route had) {
      return geography.route(segmentIds, had);
    }

    @Override
    public double distanceToRouteM(dev.dozor.rules.geo.Route route, double lat, double lon) {
      return geography.distanceToRouteM(route, lat, lon);
    }

    @Override
    public boolean routeWithinM(
        dev.dozor.rules.geo.Route route, double lat, double lon, double limitM) {
      return geography.routeWithinM(route, lat, lon, limitM);
    }

    @Override
    public SegmentMatch segment(String segmentId) {
      return geography.segment(segmentId);
    }

    @Override
    public double distanceToZoneM(String zoneId, double lat, double lon) {
      return geography.distanceToZoneM(zoneId, lat, lon);
    }

    @Override
    public String zoneKind(String zoneId) {
      return geography.zoneKind(zoneId);
    }

    @Override
    public String districtOfZone(String zoneId) {
      return geography.districtOfZone(zoneId);
    }
  }
}
