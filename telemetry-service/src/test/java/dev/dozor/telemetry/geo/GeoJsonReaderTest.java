package dev.dozor.telemetry.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dozor.telemetry.common.ApiException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class GeoJsonReaderTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text.replace('\'', '"'));
  }

  private static String square(double lon, double lat) {
    return "{'type':'Polygon','coordinates':[[[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}"
        .formatted(lon, lat, lon + 0.01, lat, lon + 0.01, lat + 0.01, lon, lat);
  }

  private static String district(String props, String geometry) {
    return "{'type':'Feature','properties':{" + props + "},'geometry':" + geometry + "}";
  }

  private static ApiException rejected(Consumer<JsonNode> reader, String body) throws Exception {
    JsonNode root = json(body);
    ApiException e = assertThrows(ApiException.class, () -> reader.accept(root));
    assertEquals(400, e.status());
    return e;
  }

  @Test
  void readsDistrictsWithOktmoAsId() throws Exception {
    var districts =
        GeoJsonReader.districts(
            json(
                "{'type':'FeatureCollection','features':["
                    + district(
                        "'NAME':'Марфино','OKTMO':'45357000','OKATO':'45280560','ABBREV_AO':'СВАО'",
                        square(37.6, 55.8))
                    + "]}"));
    assertEquals(1, districts.size());
    assertEquals("45357000", districts.get(0).id());
    assertEquals("СВАО", districts.get(0).okrugAbbrev());
    assertTrue(districts.get(0).geometry().contains("Polygon"));
  }

  @Test
  void namesTheFeatureIndexOfAMissingName() throws Exception {
    StringBuilder body = new StringBuilder("{'type':'FeatureCollection','features':[");
    for (int i = 0; i < 13; i++) {
      String props = (i == 12 ? "" : "'NAME':'d" + i + "',") + "'OKTMO':'" + i + "'";
      body.append(i > 0 ? "," : "").append(district(props, square(37.6, 55.8)));
    }
    body.append("]}");
    ApiException e = rejected(GeoJsonReader::districts, body.toString());
    assertEquals("features[12].properties.NAME", e.toError().field());
  }

  @Test
  void rejectsUnsupportedGeometryEmptyAndOutOfRangeCoordinates() throws Exception {
    String point = "{'type':'Point','coordinates':[37.6,55.8]}";
    assertEquals(
        "features[0].geometry.type",
        rejected(
                GeoJsonReader::districts,
                "{'type':'FeatureCollection','features':["
                    + district("'NAME':'a','OKTMO':'1'", point)
                    + "]}")
            .toError()
            .field());
    assertEquals(
        "features[0].geometry.coordinates",
        rejected(
                GeoJsonReader::roads,
                "{'type':'FeatureCollection','features':["
                    + district(
                        "'osm_id':1,'highway':'primary'", "{'type':'LineString','coordinates':[]}")
                    + "]}")
            .toError()
            .field());
    ApiException outOfRange =
        rejected(
            GeoJsonReader::roads,
            "{'type':'FeatureCollection','features':["
                + district(
                    "'osm_id':1,'highway':'primary'",
                    "{'type':'LineString','coordinates':[[37.6,55.8],[37.6,95.0]]}")
                + "]}");
    assertEquals("features[0].geometry.coordinates", outOfRange.toError().field());
    assertTrue(outOfRange.getMessage().contains("coordinates[1]"), outOfRange.getMessage());
  }

  @Test
  void rejectsDuplicateWaysAndNonCollections() throws Exception {
    String line = "{'type':'LineString','coordinates':[[37.6,55.8],[37.61,55.8]]}";
    assertEquals(
        "features[1].properties.osm_id",
        rejected(
                GeoJsonReader::roads,
                "{'type':'FeatureCollection','features':["
                    + district("'osm_id':7,'highway':'primary'", line)
                    + ","
                    + district("'osm_id':7,'highway':'primary'", line)
                    + "]}")
            .toError()
            .field());
    assertEquals("type", rejected(GeoJsonReader::roads, "{'type':'Feature'}").toError().field());
  }
}
