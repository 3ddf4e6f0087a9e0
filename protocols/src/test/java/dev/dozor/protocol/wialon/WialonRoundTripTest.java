package dev.dozor.protocol.wialon;

import static dev.dozor.protocol.wialon.WialonAssertions.assertSameData;
import static dev.dozor.protocol.wialon.WialonAssertions.assertSane;
import static dev.dozor.protocol.wialon.WialonAssertions.decoded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.protocol.wialon.WialonParam.DoubleParam;
import dev.dozor.protocol.wialon.WialonParam.IntParam;
import dev.dozor.protocol.wialon.WialonParam.TextParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Device encoder to server decoder, in both versions. */
class WialonRoundTripTest {
  private static final Instant TIME = Instant.parse("2024-03-15T08:00:00Z");
  private static final Instant NOW = TIME.plusSeconds(60);
  private static final WialonData MOSCOW =
      WialonData.position(TIME, 55.7558261, 37.6173, 42.5, 271.25, 156.0, 11);
  private static final WialonData SANTIAGO =
      WialonData.position(TIME, -33.4489, -70.6693, 0.0, 0.0, -4.5, 3);
  private static final WialonData EXTENDED =
      MOSCOW.withExtended(
          0.8,
          0b1010_0101L,
          WialonData.MAX_BITMASK,
          Arrays.asList(12.5, null, 0.001, 4095.0),
          "00000A1B2C3D",
          List.of(
              new IntParam("plough", 1),
              new IntParam("min", Long.MIN_VALUE),
              new DoubleParam("spread_rate", 3.14159265),
              new DoubleParam("temp", -12.75),
              new TextParam("hw", "V4.5"),
              new TextParam("Батарея", "100 %"),
              new TextParam("empty", "")));

  @ParameterizedTest
  @EnumSource(WialonVersion.class)
  void loginRoundTripsAndTellsItsVersion(WialonVersion version) {
    String line = WialonDeviceEncoder.login(version, "862462031400566", "pa55");
    assertEquals(
        new WialonPacket.Login(version, "862462031400566", "pa55"),
        decoded(line, WialonVersion.V1_1));
    String noPassword = WialonDeviceEncoder.login(version, "862462031400566", null);
    assertEquals(
        new WialonPacket.Login(version, "862462031400566", null), decoded(noPassword, version));
  }

  @ParameterizedTest
  @EnumSource(WialonVersion.class)
  void shortDataRoundTripsInAllHemispheres(WialonVersion version) {
    for (WialonData data : List.of(MOSCOW, SANTIAGO)) {
      String line = WialonDeviceEncoder.shortData(version, data);
      WialonPacket.ShortData packet = decoded(line, version, WialonPacket.ShortData.class);
      assertSameData(data, packet.data());
      assertSane(WialonFixMapper.toFix(packet, NOW), NOW);
    }
  }

  @ParameterizedTest
  @EnumSource(WialonVersion.class)
  void shortDataWithEverythingNaRoundTrips(WialonVersion version) {
    WialonData empty = WialonData.position(null, null, null, null, null, null, null);
    String line = WialonDeviceEncoder.shortData(version, empty);
    assertTrue(line.startsWith("#SD#NA;NA;NA;NA;NA;NA;NA;NA;NA;NA"), line);
    assertSameData(empty, decoded(line, version, WialonPacket.ShortData.class).data());
  }

  @ParameterizedTest
  @EnumSource(WialonVersion.class)
  void dataWithParamsOfEveryTypeRoundTrips(WialonVersion version) {
    String line = WialonDeviceEncoder.data(version, EXTENDED);
    WialonPacket.Data packet = decoded(line, version, WialonPacket.Data.class);
    assertSameData(EXTENDED, packet.data());
    assertSane(WialonFixMapper.toFix(packet, NOW), NOW);
  }

  @ParameterizedTest
  @EnumSource(WialonVersion.class)
  void dataWithoutExtendedValuesRoundTrips(WialonVersion version) {
    WialonData data = MOSCOW.withExtended(null, null, null, List.of(), null, List.of());
    assertSameData(
        data,
        decoded(WialonDeviceEncoder.data(version, data), version, WialonPacket.Data.class).data());
  }

  @ParameterizedTest
  @EnumSource(WialonVersion.class)
  void blackBoxOfManyMixedMessagesRoundTrips(WialonVersion version) {
    List<WialonPacket.DataMessage> messages = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      WialonData data =
          WialonData.position(
              TIME.minusSeconds(600 - i * 3L),
              55.0 + i / 1000.0,
              -37.0 - i / 1000.0,
              (double) i,
              (double) (i % 360),
              100.0 + i,
              4 + i % 20);
      messages.add(
          i % 3 == 0
              ? new WialonPacket.Data(
                  data.withExtended(
                      1.1,
                      (long) i,
                      0L,
                      List.of(i / 10.0),
                      null,
                      List.of(new IntParam("plough", i % 2))))
              : new WialonPacket.ShortData(data));
    }
    String line = WialonDeviceEncoder.blackBox(version, messages);
    WialonPacket.BlackBox blackBox = decoded(line, version, WialonPacket.BlackBox.class);
    assertEquals(200, blackBox.acceptedCount());
    for (int i = 0; i < 200; i++) {
      WialonPacket.DataMessage decoded = blackBox.accepted().get(i);
      assertEquals(messages.get(i).getClass(), decoded.getClass());
      assertSameData(messages.get(i).data(), decoded.data());
    }
    WialonFixMapper.toFixes(blackBox, NOW).forEach(fix -> assertSane(fix, NOW));
    assertEquals("#AB#200\r\n", WialonAnswerEncoder.encode(WialonAnswer.acceptedFor(blackBox)));
  }

  @ParameterizedTest
  @EnumSource(WialonVersion.class)
  void emptyBlackBoxAndPingRoundTrip(WialonVersion version) {
    assertEquals(
        0,
        decoded(
                WialonDeviceEncoder.blackBox(version, List.of()),
                version,
                WialonPacket.BlackBox.class)
            .acceptedCount());
    assertInstanceOf(WialonPacket.Ping.class, decoded(WialonDeviceEncoder.ping(), version));
  }

  @ParameterizedTest
  @EnumSource(WialonVersion.class)
  void encodeDispatchesEveryPacketType(WialonVersion version) {
    List<WialonPacket> packets =
        List.of(
            new WialonPacket.Login(version, "12345", "pw"),
            new WialonPacket.ShortData(MOSCOW),
            new WialonPacket.Data(EXTENDED),
            new WialonPacket.Ping());
    for (WialonPacket packet : packets) {
      WialonPacket decoded = decoded(WialonDeviceEncoder.encode(version, packet), version);
      assertEquals(packet.type(), decoded.type());
    }
  }

  @ParameterizedTest
  @EnumSource(WialonVersion.class)
  void refusesToEncodeWhatTheDecoderWouldReject(WialonVersion version) {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            WialonDeviceEncoder.shortData(
                version, WialonData.position(TIME, 91.0, 0.0, null, null, null, null)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            WialonDeviceEncoder.shortData(
                version, WialonData.position(TIME, 1.0, 1.0, -1.0, null, null, null)));
    assertThrows(
        IllegalArgumentException.class, () -> WialonDeviceEncoder.login(version, "a;b", null));
    assertThrows(IllegalArgumentException.class, () -> new TextParam("a,b", "x"));
    assertThrows(IllegalArgumentException.class, () -> new DoubleParam("a", Double.NaN));
  }
}
