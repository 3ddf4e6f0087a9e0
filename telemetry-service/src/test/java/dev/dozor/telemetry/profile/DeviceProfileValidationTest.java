package dev.dozor.telemetry.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dozor.events.ChannelMapping;
import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.profile.DeviceProfileDtos.MappingRequest;
import dev.dozor.telemetry.profile.DeviceProfileDtos.ProfileRequest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeviceProfileValidationTest {

  private static MappingRequest digital(String channel, String input, Boolean inverted) {
    return new MappingRequest(channel, input, inverted, null, null, null);
  }

  private static String rejectedField(MappingRequest... mappings) {
    ApiException e =
        assertThrows(
            ApiException.class,
            () ->
                DeviceProfileValidation.profile(
                    "prof-1", new ProfileRequest("Galileo plough", List.of(mappings))));
    assertEquals(400, e.status());
    return e.toError().field();
  }

  @Test
  void channelsAreTheEquipmentComponents() {
    assertEquals(
        Set.of("plough", "brush", "spreader", "spreadRateGm2", "bodyTip", "ignition", "pto"),
        Set.copyOf(DeviceProfileValidation.CHANNELS));
    assertFalse(DeviceProfileValidation.BOOLEAN_CHANNELS.contains("spreadRateGm2"));
    assertEquals(6, DeviceProfileValidation.BOOLEAN_CHANNELS.size());
  }

  @Test
  void acceptsDigitalAndLinearMappingsWithDefaults() {
    DeviceProfileRecord r =
        DeviceProfileValidation.profile(
            "prof-1",
            new ProfileRequest(
                " Galileo plough ",
                List.of(
                    digital("plough", "din3", null),
                    new MappingRequest("spreadRateGm2", "ain1", null, 0.25, -10.0, null),
                    new MappingRequest("ignition", "ain2", true, null, null, 11.5))));
    assertEquals("Galileo plough", r.name());
    assertEquals(
        List.of(
            ChannelMapping.digital("plough", "din3", false),
            ChannelMapping.linear("spreadRateGm2", "ain1", 0.25, -10.0),
            new ChannelMapping("ignition", "ain2", true, null, null, 11.5)),
        r.mappings());
  }

  @Test
  void absentMappingsMeanAnEmptyProfile() {
    assertEquals(
        List.of(),
        DeviceProfileValidation.profile("prof-1", new ProfileRequest("raw only", null)).mappings());
  }

  @Test
  void refusesAnUnknownChannel() {
    assertEquals("mappings[0].channel", rejectedField(digital("snorkel", "din1", false)));
    assertEquals("mappings[0].channel", rejectedField(digital(null, "din1", false)));
  }

  @Test
  void refusesASecondMappingForTheSameChannel() {
    assertEquals(
        "mappings[2].channel",
        rejectedField(
            digital("plough", "din1", false),
            digital("brush", "din2", false),
            digital("plough", "din3", true)));
  }

  @Test
  void refusesBlankLongOrOddInputNames() {
    assertEquals("mappings[0].input", rejectedField(digital("plough", " ", false)));
    assertEquals("mappings[0].input", rejectedField(digital("plough", null, false)));
    assertEquals("mappings[0].input", rejectedField(digital("plough", "din 3", false)));
    assertEquals("mappings[0].input", rejectedField(digital("plough", "d".repeat(65), false)));
  }

  @Test
  void refusesInvertedOrThresholdOnTheNumericChannel() {
    assertEquals(
        "mappings[0].inverted",
        rejectedField(new MappingRequest("spreadRateGm2", "ain1", true, 1.0, 0.0, null)));
    assertEquals(
        "mappings[0].threshold",
        rejectedField(new MappingRequest("spreadRateGm2", "ain1", false, 1.0, 0.0, 5.0)));
  }

  @Test
  void refusesNonFiniteOrZeroCalibration() {
    assertEquals(
        "mappings[0].scale",
        rejectedField(new MappingRequest("spreadRateGm2", "ain1", null, Double.NaN, null, null)));
    assertEquals(
        "mappings[0].offset",
        rejectedField(
            new MappingRequest(
                "spreadRateGm2", "ain1", null, null, Double.POSITIVE_INFINITY, null)));
    assertEquals(
        "mappings[0].threshold",
        rejectedField(
            new MappingRequest("plough", "ain1", null, null, null, Double.NEGATIVE_INFINITY)));
    assertEquals(
        "mappings[0].scale",
        rejectedField(new MappingRequest("spreadRateGm2", "ain1", null, 0.0, null, null)));
  }

  @Test
  void refusesAMissingName() {
    ApiException e =
        assertThrows(
            ApiException.class,
            () -> DeviceProfileValidation.profile("prof-1", new ProfileRequest(" ", List.of())));
    assertEquals("name", e.toError().field());
  }
}
