package dev.dozor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryRecordsTest {
  private static final Instant T = Instant.parse("2026-11-28T02:00:00Z");

  @Test
  void zoneRoundTripsWithItsGeoJsonGeometry() {
    JsonNode polygon =
        JsonSerde.fromJson(
            "{\"type\":\"Polygon\",\"coordinates\":[[[37.6,55.8],[37.61,55.8],[37.61,55.81],[37.6,55.8]]]}",
            JsonNode.class);
    ZoneRecord zone = ZoneRecord.of("z-1", "Депо №3", ZoneRecord.DEPOT, "45000000", polygon);

    ZoneRecord back = JsonSerde.fromJson(JsonSerde.toJson(zone), ZoneRecord.class);

    assertEquals(zone, back);
    assertEquals(37.61, back.geometry().get("coordinates").get(0).get(1).get(0).asDouble());
  }

  @Test
  void assignmentRoundTripsAndNeverHasNullSegments() {
    AssignmentRecord a =
        AssignmentRecord.of("a-1", "veh-1", T, T.plusSeconds(8 * 3600), "z-1", null, null, null);

    AssignmentRecord back = JsonSerde.fromJson(JsonSerde.toJson(a), AssignmentRecord.class);

    assertEquals(List.of(), back.segmentIds());
    assertEquals(T, back.shiftStart());
    assertNull(back.corridorM());
  }

  @Test
  void olderVehicleMessagesWithoutTheNewReferencesStillRead() {
    VehicleRecord v =
        JsonSerde.fromJson(
            "{\"schemaVersion\":1,\"id\":\"veh-1\",\"plate\":\"А001АА77\",\"type\":\"plough\"}",
            VehicleRecord.class);

    assertEquals("veh-1", v.id());
    assertNull(v.contractorId());
    assertNull(v.depotZoneId());
  }

  @Test
  void segmentPassIdIsDeterministicPerSegmentVehicleAndStart() {
    SegmentPass a = SegmentPass.of("100-0", "veh-1", T, T.plusSeconds(30), "plough", 0.9, "x");
    SegmentPass b = SegmentPass.of("100-0", "veh-1", T, T.plusSeconds(60), "brush", 0.5, "y");
    SegmentPass c = SegmentPass.of("100-0", "veh-1", T.plusMillis(1), T, "plough", 1, "x");

    assertEquals(a.passId(), b.passId());
    assertNotEquals(a.passId(), c.passId());
    assertEquals(a, JsonSerde.fromJson(JsonSerde.toJson(a), SegmentPass.class));
  }

  @Test
  void newerVersionsOfEveryRegistryRecordAreRefused() {
    for (String type :
        List.of(
            "ContractorRecord",
            "OkrugRecord",
            "DistrictRecord",
            "ZoneRecord",
            "RoadSegmentRecord",
            "AssignmentRecord",
            "WeatherEventRecord",
            "SegmentPass")) {
      Class<?> cls = classOf(type);
      JsonSerde.MalformedMessageException e =
          assertThrows(
              JsonSerde.MalformedMessageException.class,
              () -> JsonSerde.fromJson("{\"schemaVersion\":99,\"id\":\"x\"}", cls),
              type);
      assertTrue(e.getMessage().contains("schemaVersion 99"), e.getMessage());
    }
  }

  @Test
  void registryKeysOfTheNewKinds() {
    assertEquals("zone:z-1", RegistryKeys.zone("z-1"));
    assertEquals("segment:100-0", RegistryKeys.segment("100-0"));
    assertEquals("weather", RegistryKeys.kind(RegistryKeys.weather("w-1")));
    assertEquals("a-1", RegistryKeys.id(RegistryKeys.assignment("a-1")));
  }

  private static Class<?> classOf(String simpleName) {
    try {
      return Class.forName("dev.dozor.events." + simpleName);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
