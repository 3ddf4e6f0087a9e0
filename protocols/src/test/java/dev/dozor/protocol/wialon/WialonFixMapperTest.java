package dev.dozor.protocol.wialon;

import static dev.dozor.protocol.wialon.WialonAssertions.assertSane;
import static dev.dozor.protocol.wialon.WialonAssertions.decoded;
import static dev.dozor.protocol.wialon.WialonVersion.V1_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.protocol.FixSanity;
import dev.dozor.protocol.InputNames;
import dev.dozor.protocol.RawFix;
import dev.dozor.protocol.wialon.WialonParam.DoubleParam;
import dev.dozor.protocol.wialon.WialonParam.IntParam;
import dev.dozor.protocol.wialon.WialonParam.TextParam;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WialonFixMapperTest {
  private static final Instant TIME = Instant.parse("2024-03-15T08:00:00Z");
  private static final Instant NOW = TIME.plusSeconds(60);
  private static final WialonData POSITION =
      WialonData.position(TIME, 55.75, 37.62, 32.5, 90.0, 150.0, 9);

  private static RawFix fixOf(String line) {
    WialonPacket.DataMessage message = (WialonPacket.DataMessage) decoded(line, V1_1);
    return WialonFixMapper.toFix(message, NOW);
  }

  @Test
  void mapsPositionSpeedCourseAltitudeAndSatellites() {
    RawFix fix = WialonFixMapper.toFix(POSITION, NOW);
    assertEquals(TIME, fix.fixTime());
    assertEquals(55.75, fix.lat());
    assertEquals(37.62, fix.lon());
    assertEquals(32.5, fix.speedKmh());
    assertEquals(90.0, fix.headingDeg());
    assertEquals(150.0, fix.altitudeM());
    assertEquals(9, fix.satellites());
    assertNull(fix.odometerKm());
    assertTrue(fix.valid());
    assertSane(fix, NOW);
  }

  @Test
  void mapsTheInputBitmaskToDin1ToDin32() {
    RawFix fix =
        fixOf("#D#150324;080000;5545.0000;N;03737.2000;E;30;90;150;9;0.9;2147483653;1;NA;NA;NA");
    assertEquals(1.0, fix.inputs().get(InputNames.digitalInput(1)));
    assertEquals(0.0, fix.inputs().get(InputNames.digitalInput(2)));
    assertEquals(1.0, fix.inputs().get(InputNames.digitalInput(3)));
    assertEquals(1.0, fix.inputs().get(InputNames.digitalInput(32)));
    assertEquals(1.0, fix.inputs().get(InputNames.digitalOutput(1)));
    assertEquals(0.0, fix.inputs().get(InputNames.digitalOutput(32)));
    assertFalse(fix.inputs().containsKey(InputNames.digitalInput(33)));
    assertSane(fix, NOW);
  }

  @Test
  void leavesInputsOutWhenTheFieldsAreNa() {
    RawFix fix = fixOf("#D#150324;080000;5545.0000;N;03737.2000;E;30;90;150;9;NA;NA;NA;NA;NA;NA");
    assertTrue(fix.inputs().isEmpty());
    assertTrue(fix.text().isEmpty());
  }

  @Test
  void numbersAnalogInputsAndSkipsNaOnes() {
    RawFix fix =
        fixOf("#D#150324;080000;5545.0000;N;03737.2000;E;30;90;150;9;NA;NA;NA;12.5,NA,0.25;NA;NA");
    assertEquals(12.5, fix.inputs().get(InputNames.analogInput(1)));
    assertFalse(fix.inputs().containsKey(InputNames.analogInput(2)));
    assertEquals(0.25, fix.inputs().get(InputNames.analogInput(3)));
  }

  @Test
  void putsNumericParamsInInputsAndStringsAndIbuttonInText() {
    WialonData data =
        POSITION.withExtended(
            1.0,
            null,
            null,
            Arrays.asList(1.0, null),
            "00000A1B2C3D",
            List.of(
                new IntParam("plough", 1),
                new DoubleParam("spread_rate", 12.5),
                new TextParam("driver", "Иванов"),
                new IntParam("big", 9_007_199_254_740_993L)));
    RawFix fix = WialonFixMapper.toFix(data, NOW);
    assertEquals(1.0, fix.inputs().get("plough"));
    assertEquals(12.5, fix.inputs().get("spread_rate"));
    assertEquals(9.007199254740992E15, fix.inputs().get("big"));
    assertEquals("Иванов", fix.text().get("driver"));
    assertEquals("00000A1B2C3D", fix.text().get(WialonFixMapper.IBUTTON));
    assertEquals(1.0, fix.inputs().get("ain1"));
  }

  @Test
  void protocolFieldsWinOverParamsOfTheSameName() {
    RawFix fix =
        fixOf(
            "#D#150324;080000;5545.0000;N;03737.2000;E;30;90;150;9;NA;1;NA;NA;KEY;din1:1:0,ibutton:3:x");
    assertEquals(1.0, fix.inputs().get("din1"));
    assertEquals("KEY", fix.text().get("ibutton"));
  }

  @Test
  void usesServerTimeWhenTheDeviceSentNa() {
    RawFix fix = fixOf("#SD#NA;NA;5545.0000;N;03737.2000;E;30;90;150;9");
    assertEquals(NOW, fix.fixTime());
    assertSane(fix, NOW);
  }

  @Test
  void marksFixesWithoutCoordinatesInvalid() {
    RawFix fix = fixOf("#SD#150324;080000;NA;NA;NA;NA;0;NA;NA;0");
    assertFalse(fix.valid());
    assertTrue(FixSanity.DEFAULT.problem(fix, NOW).orElseThrow().contains("invalid"));
  }

  @Test
  void marksFixesAtZeroZeroInvalid() {
    assertFalse(fixOf("#SD#150324;080000;0000.0000;N;00000.0000;E;0;0;0;12").valid());
  }

  @Test
  void marksFixesWithFewSatellitesOrHighHdopInvalid() {
    assertFalse(fixOf("#SD#150324;080000;5545.0000;N;03737.2000;E;30;90;150;2").valid());
    assertTrue(fixOf("#SD#150324;080000;5545.0000;N;03737.2000;E;30;90;150;3").valid());
    assertTrue(fixOf("#SD#150324;080000;5545.0000;N;03737.2000;E;30;90;150;NA").valid());
    assertFalse(
        fixOf("#D#150324;080000;5545.0000;N;03737.2000;E;30;90;150;9;20.5;NA;NA;NA;NA;NA").valid());
    assertTrue(
        fixOf("#D#150324;080000;5545.0000;N;03737.2000;E;30;90;150;9;20;NA;NA;NA;NA;NA").valid());
  }
}
