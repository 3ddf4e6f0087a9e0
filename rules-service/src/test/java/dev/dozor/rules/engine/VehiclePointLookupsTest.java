package dev.dozor.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dozor.events.Equipment;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.rules.geo.GeoIndex;
import dev.dozor.rules.geo.Geography;
import dev.dozor.rules.registry.Fleet;
import dev.dozor.rules.registry.RegistryState;
import dev.dozor.rules.regulation.ParameterResolver;
import dev.dozor.rules.regulation.Regulation;
import dev.dozor.rules.regulation.RegulationCatalogue;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A point caches what it looks up while the rules run, and drops it once they are done (a state
 * fact may keep the point until its vehicle's next fix): asked again later, it looks the same
 * places up again.
 */
class VehiclePointLookupsTest {
  private static final double LAT = 55.80;
  private static final double LON = 37.60;
  private static final double M = Track.METRES_PER_DEGREE;

  private final Map<String, Integer> calls = new HashMap<>();
  private final Geography geography =
      counting(
          new GeoIndex.Builder()
              .district(Places.squareDistrict("45338000", "СВАО", LAT, LON, 1_000))
              .segment(
                  Places.segment(
                      "100-0",
                      LAT - 5 / M,
                      LON - 200 / (M * Math.cos(Math.toRadians(LAT))),
                      90,
                      400,
                      2,
                      60,
                      "45338000"))
              .build());

  @Test
  void aPointLooksItsPlaceUpOnceWhileTheRulesRunAndAgainAfterItForgot() {
    VehiclePoint point = point();

    assertEquals("45338000", point.getDistrictId());
    assertEquals("45338000", point.getDistrictId());
    SegmentMatch segment = point.getSegment();
    assertNotNull(segment);
    point.getSegment();
    assertEquals(1, calls.get("districtAt"));
    assertEquals(1, calls.get("segmentAt"));

    point.forgetLookups();

    assertEquals("45338000", point.getDistrictId());
    assertEquals(segment.segmentId(), point.getSegment().segmentId());
    assertEquals(2, calls.get("districtAt"));
    assertEquals(2, calls.get("segmentAt"));
  }

  @Test
  void aPointAsksTheRegistryAboutItsVehicleOnceWhileTheRulesRun() {
    VehiclePoint point = point();

    for (int i = 0; i < 3; i++) {
      // parameters with overrides by type ask for it once per regulation
      assertEquals("plough", point.getVehicleType());
      assertEquals("home-1", point.getHomeDistrictId());
    }
    // type, contractor, home district and depot come from one look-up of the vehicle's record
    point.getContractorId();
    point.getDepotZoneId();
    assertEquals(1, calls.get("vehicle"));

    point.forgetLookups();
    point.getVehicleType();
    assertEquals(2, calls.get("vehicle"), "after the rules, the registry's answer of the day");
  }

  @Test
  void aPointResolvesARegulationsParametersOnceAndForItsVehiclesType() {
    List<Regulation> catalogue = RegulationCatalogue.fromClasspath().regulations();
    ParameterResolver resolver = ParameterResolver.of(catalogue);
    Set<Integer> numbers = new HashSet<>();
    catalogue.forEach(r -> numbers.add(resolver.indexOf(r.id())));
    assertEquals(catalogue.size(), resolver.size());
    assertEquals(resolver.size(), numbers.size(), "one number each");
    assertEquals(0, Collections.min(numbers));
    assertEquals(resolver.size() - 1, Collections.max(numbers));
    assertEquals(-1, resolver.indexOf("NO-SUCH"));

    VehiclePoint point = point(resolver);
    // TIM-001 is on for ploughs (its default), TIM-002 off for them (an override by type)
    assertEquals(1, point.par("TIM-001").value("enabled"));
    assertEquals(0, point.par("TIM-002").value("enabled"));
    assertSame(point.par("TIM-002"), point.par("TIM-002"));
    assertEquals(
        "no parameters for regulation NO-SUCH",
        assertThrows(IllegalArgumentException.class, () -> point.par("NO-SUCH")).getMessage());
    assertEquals(1, calls.get("vehicle"), "the type looked up once for both");
  }

  private VehiclePoint point() {
    return point(ParameterResolver.NONE);
  }

  private VehiclePoint point(ParameterResolver resolver) {
    TelemetryPoint fix =
        TelemetryPoint.of(
            "veh-1",
            "dev-1",
            Instant.parse("2026-01-15T03:00:00Z"),
            null,
            LAT,
            LON,
            30,
            90.0,
            Equipment.plough(true));
    PointContext context = new PointContext(fleet, geography, resolver, ZoneId.of("Europe/Moscow"));
    return new VehiclePoint(fix, fix.vehicleId(), context, -1, 0, 0, false);
  }

  private final Fleet fleet = counting(Fleet.class, registry());

  private static RegistryState registry() {
    RegistryState registry = new RegistryState();
    registry.vehicle(RuleTestSupport.vehicle("veh-1", "plough", "home-1", null));
    return registry;
  }

  private Geography counting(Geography target) {
    return counting(Geography.class, target);
  }

  @SuppressWarnings("unchecked")
  private <T> T counting(Class<T> type, T target) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              calls.merge(method.getName(), 1, Integer::sum);
              try {
                return method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
