package dev.dozor.telemetry.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonTextTest {
  private static String fixed(double v, int decimals) {
    return JsonText.fixed(new StringBuilder(), v, decimals).toString();
  }

  @Test
  void coordinatesHaveSevenDecimalsWithoutTrailingZeros() {
    assertEquals("37.1", fixed(37.1, 7));
    assertEquals("55.7512345", fixed(55.75123449, 7));
    assertEquals("-0.0000001", fixed(-0.0000001, 7));
    assertEquals("0", fixed(-0.00000001, 7));
    assertEquals("37.05", fixed(37.05, 7));
    assertEquals("180", fixed(180, 7));
    assertEquals("0.001", fixed(0.0012, 3));
  }

  @Test
  void stringsAreEscapedAndEquipmentListsOnlyReportedChannels() {
    assertEquals(
        "\"a\\\"b\\\\c\\n\"", JsonText.string(new StringBuilder(), "a\"b\\c\n").toString());
    assertEquals(
        "{\"plough\":true,\"spreader\":false}",
        JsonText.equipment(new StringBuilder(), EquipmentBits.of(true, null, false)).toString());
  }

  @Test
  void workingMeansPloughBrushOrSpreaderOn() {
    assertEquals(true, EquipmentBits.working(EquipmentBits.of(null, null, true)));
    assertEquals(false, EquipmentBits.working(EquipmentBits.of(false, false, false, true, true)));
  }

  @Test
  void equipmentTextIsPackedAndUnparseableTextIsNothingReported() {
    var decoder = new EquipmentBits.TextDecoder();
    assertEquals(
        EquipmentBits.of(true, null, false),
        decoder.bits("{\"plough\": true, \"spreader\": false}"));
    assertEquals(
        EquipmentBits.of(true, null, false),
        decoder.bits("{\"plough\": true, \"spreader\": false}"));
    assertEquals(
        EquipmentBits.of(null, null, null, null, null, true),
        decoder.bits("{\"pto\": true, \"spreadRateGm2\": 12.5}"));
    assertEquals(0, decoder.bits("\"{\\\"plough\\\": true}\""));
    assertEquals(0, decoder.bits(null));
  }
}
