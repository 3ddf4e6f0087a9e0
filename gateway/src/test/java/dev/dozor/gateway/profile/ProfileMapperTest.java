package dev.dozor.gateway.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.events.ChannelMapping;
import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.Equipment;
import dev.dozor.protocol.RawFix;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileMapperTest {

  private static DeviceProfileRecord profile(ChannelMapping... mappings) {
    return DeviceProfileRecord.of("p1", "test wiring", List.of(mappings));
  }

  private static MappedInputs map(Map<String, Double> inputs, DeviceProfileRecord profile) {
    return ProfileMapper.map(inputs, Map.of(), profile);
  }

  @Test
  void digitalInputSwitchesBooleanChannelOnWhenNotZero() {
    DeviceProfileRecord p = profile(ChannelMapping.digital("plough", "din1", false));
    assertEquals(Boolean.TRUE, map(Map.of("din1", 1.0), p).equipment().plough());
    assertEquals(Boolean.FALSE, map(Map.of("din1", 0.0), p).equipment().plough());
    assertEquals(Boolean.TRUE, map(Map.of("din1", -3.0), p).equipment().plough());
  }

  @Test
  void invertedInputIsOnWhenItReadsZero() {
    DeviceProfileRecord p = profile(ChannelMapping.digital("brush", "din2", true));
    assertEquals(Boolean.TRUE, map(Map.of("din2", 0.0), p).equipment().brush());
    assertEquals(Boolean.FALSE, map(Map.of("din2", 1.0), p).equipment().brush());
  }

  @Test
  void thresholdIsInclusiveOnCalibratedValue() {
    // ain1 in millivolts, calibrated to volts; on at 12.0 V and above
    DeviceProfileRecord p =
        profile(new ChannelMapping("ignition", "ain1", false, 0.001, 0.0, 12.0));
    assertEquals(Boolean.TRUE, map(Map.of("ain1", 12000.0), p).equipment().ignition());
    assertEquals(Boolean.FALSE, map(Map.of("ain1", 11999.0), p).equipment().ignition());
    assertEquals(Boolean.TRUE, map(Map.of("ain1", 14000.0), p).equipment().ignition());
  }

  @Test
  void invertedThresholdChannelIsOffAtAndAboveTheThreshold() {
    DeviceProfileRecord p = profile(new ChannelMapping("pto", "ain2", true, null, null, 5.0));
    assertEquals(Boolean.FALSE, map(Map.of("ain2", 5.0), p).equipment().pto());
    assertEquals(Boolean.TRUE, map(Map.of("ain2", 4.99), p).equipment().pto());
  }

  @Test
  void spreadRateIsLinearlyCalibrated() {
    DeviceProfileRecord p = profile(ChannelMapping.linear("spreadRateGm2", "ain3", 0.5, 2.0));
    assertEquals(52.0, map(Map.of("ain3", 100.0), p).equipment().spreadRateGm2());
    assertEquals(2.0, map(Map.of("ain3", 0.0), p).equipment().spreadRateGm2());
  }

  @Test
  void spreadRateNeverGoesNegativeThroughTheOffset() {
    DeviceProfileRecord p = profile(ChannelMapping.linear("spreadRateGm2", "ain3", 1.0, -10.0));
    assertEquals(0.0, map(Map.of("ain3", 4.0), p).equipment().spreadRateGm2());
  }

  @Test
  void missingInputLeavesTheChannelNull() {
    DeviceProfileRecord p =
        profile(
            ChannelMapping.digital("plough", "din1", false),
            ChannelMapping.linear("spreadRateGm2", "ain3", 1.0, 0.0));
    MappedInputs m = map(Map.of("din9", 1.0), p);
    assertNull(m.equipment().plough());
    assertNull(m.equipment().spreadRateGm2());
    assertEquals(Map.of("din9", "1"), m.attributes());
  }

  @Test
  void mappedInputsLeaveTheAttributesAndOthersStayWithoutTrailingZero() {
    DeviceProfileRecord p = profile(ChannelMapping.digital("plough", "din1", false));
    MappedInputs m =
        ProfileMapper.map(
            Map.of("din1", 1.0, "din2", 0.0, "ain1", 12.5, "cnt1", 1234567.0),
            Map.of("driver", "Ivanov"),
            p);
    assertEquals(Equipment.plough(true), m.equipment());
    assertEquals(
        Map.of("din2", "0", "ain1", "12.5", "cnt1", "1234567", "driver", "Ivanov"), m.attributes());
  }

  @Test
  void withoutProfileEverythingStaysRaw() {
    MappedInputs m = ProfileMapper.map(Map.of("din1", 1.0), Map.of("event", "motion"), null);
    assertEquals(Equipment.NONE, m.equipment());
    assertEquals(Map.of("din1", "1", "event", "motion"), m.attributes());
  }

  @Test
  void unknownChannelIsIgnoredAndItsInputKept() {
    DeviceProfileRecord p = profile(ChannelMapping.digital("snowCannon", "din1", false));
    MappedInputs m = map(Map.of("din1", 1.0), p);
    assertEquals(Equipment.NONE, m.equipment());
    assertEquals(Map.of("din1", "1"), m.attributes());
    assertTrue(ProfileMapper.problems(p).get(0).contains("unknown channel snowCannon"));
  }

  @Test
  void onlyTheFirstMappingOfAChannelCounts() {
    DeviceProfileRecord p =
        profile(
            ChannelMapping.digital("plough", "din1", false),
            ChannelMapping.digital("plough", "din2", false));
    MappedInputs m = map(Map.of("din1", 0.0, "din2", 1.0), p);
    assertEquals(Boolean.FALSE, m.equipment().plough());
    assertEquals(Map.of("din2", "1"), m.attributes());
    assertEquals(1, ProfileMapper.problems(p).size());
  }

  @Test
  void altitudeAndSatellitesBecomeAttributes() {
    RawFix fix =
        new RawFix(
            Instant.parse("2026-11-28T10:00:00Z"),
            55.0,
            37.0,
            true,
            10.0,
            90.0,
            151.0,
            9,
            null,
            Map.of("ain1", 0.25),
            Map.of());
    assertEquals(
        Map.of("altitude", "151", "sats", "9", "ain1", "0.25"),
        ProfileMapper.map(fix, null).attributes());
  }

  @Test
  void formatsNumbersPlainly() {
    assertEquals("1", ProfileMapper.format(1.0));
    assertEquals("-2", ProfileMapper.format(-2.0));
    assertEquals("12.5", ProfileMapper.format(12.5));
    assertEquals("0.00001", ProfileMapper.format(0.00001));
    assertEquals("100", ProfileMapper.format(100.0));
    assertEquals("0", ProfileMapper.format(-0.0));
  }
}
