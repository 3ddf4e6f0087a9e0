package dev.dozor.protocol.wialon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Server answers: encoder to device-side decoder, and the wire codes of the spec. */
class WialonAnswerCodecTest {

  private static List<WialonAnswer> everyAnswer() {
    List<WialonAnswer> answers = new ArrayList<>();
    for (WialonLoginStatus status : WialonLoginStatus.values()) {
      answers.add(new WialonAnswer.Login(status));
    }
    for (WialonDataStatus status : WialonDataStatus.values()) {
      if (status.wireCode(WialonPacketType.SHORT_DATA).isPresent()) {
        answers.add(new WialonAnswer.ShortData(status));
      }
      answers.add(new WialonAnswer.Data(status));
    }
    answers.add(WialonAnswer.BlackBox.of(0));
    answers.add(WialonAnswer.BlackBox.of(1));
    answers.add(WialonAnswer.BlackBox.of(5000));
    answers.add(WialonAnswer.BlackBox.checksumError());
    answers.add(new WialonAnswer.Ping());
    return answers;
  }

  @Test
  void everyAnswerRoundTrips() {
    List<WialonAnswer> answers = everyAnswer();
    assertEquals(4 + 7 + 10 + 4 + 1, answers.size());
    for (WialonAnswer answer : answers) {
      String line = WialonAnswerEncoder.encode(answer);
      assertEquals(answer, WialonAnswerDecoder.decode(line), line);
      byte[] bytes = WialonAnswerEncoder.encodeBytes(answer);
      assertEquals(answer, WialonAnswerDecoder.decode(bytes, 0, bytes.length));
    }
  }

  @Test
  void writesTheSpecificationsCodes() {
    assertEquals("#AL#1\r\n", encode(new WialonAnswer.Login(WialonLoginStatus.OK)));
    assertEquals("#AL#0\r\n", encode(new WialonAnswer.Login(WialonLoginStatus.REJECTED)));
    assertEquals("#AL#01\r\n", encode(new WialonAnswer.Login(WialonLoginStatus.PASSWORD_ERROR)));
    assertEquals("#AL#10\r\n", encode(new WialonAnswer.Login(WialonLoginStatus.CHECKSUM_ERROR)));
    assertEquals(
        "#ASD#-1\r\n", encode(new WialonAnswer.ShortData(WialonDataStatus.STRUCTURE_ERROR)));
    assertEquals("#ASD#0\r\n", encode(new WialonAnswer.ShortData(WialonDataStatus.TIME_ERROR)));
    assertEquals("#ASD#1\r\n", encode(new WialonAnswer.ShortData(WialonDataStatus.ACCEPTED)));
    assertEquals(
        "#ASD#10\r\n", encode(new WialonAnswer.ShortData(WialonDataStatus.COORDINATES_ERROR)));
    assertEquals(
        "#ASD#11\r\n",
        encode(new WialonAnswer.ShortData(WialonDataStatus.SPEED_COURSE_ALTITUDE_ERROR)));
    assertEquals(
        "#ASD#12\r\n", encode(new WialonAnswer.ShortData(WialonDataStatus.SATELLITES_HDOP_ERROR)));
    assertEquals(
        "#ASD#13\r\n", encode(new WialonAnswer.ShortData(WialonDataStatus.CHECKSUM_ERROR)));
    assertEquals(
        "#AD#13\r\n", encode(new WialonAnswer.Data(WialonDataStatus.INPUTS_OUTPUTS_ERROR)));
    assertEquals("#AD#14\r\n", encode(new WialonAnswer.Data(WialonDataStatus.ADC_ERROR)));
    assertEquals("#AD#15\r\n", encode(new WialonAnswer.Data(WialonDataStatus.PARAMS_ERROR)));
    assertEquals("#AD#16\r\n", encode(new WialonAnswer.Data(WialonDataStatus.CHECKSUM_ERROR)));
    assertEquals("#AB#3\r\n", encode(WialonAnswer.BlackBox.of(3)));
    assertEquals("#AB#\r\n", encode(WialonAnswer.BlackBox.checksumError()));
    assertEquals("#AP#\r\n", encode(new WialonAnswer.Ping()));
  }

  @Test
  void readsCode13ByPacketType() {
    assertEquals(
        new WialonAnswer.ShortData(WialonDataStatus.CHECKSUM_ERROR),
        WialonAnswerDecoder.decode("#ASD#13\r\n"));
    assertEquals(
        new WialonAnswer.Data(WialonDataStatus.INPUTS_OUTPUTS_ERROR),
        WialonAnswerDecoder.decode("#AD#13"));
  }

  @Test
  void shortDataAnswersHaveNoInputOutputAdcOrParamCodes() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new WialonAnswer.ShortData(WialonDataStatus.ADC_ERROR));
    assertThrows(IllegalArgumentException.class, () -> WialonAnswer.BlackBox.of(-1));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "AL#1",
        "#AL#",
        "#AL#2",
        "#AL#001",
        "#ASD#14",
        "#ASD#16",
        "#AD#17",
        "#AD#",
        "#AB#-1",
        "#AB#x",
        "#AB#9999999999",
        "#AP#1",
        "#AX#1",
        "#L#1",
        "#",
        "#AL"
      })
  void refusesWhatIsNotAnAnswer(String line) {
    WialonFormatException e =
        assertThrows(WialonFormatException.class, () -> WialonAnswerDecoder.decode(line));
    assertTrue(!e.getMessage().isEmpty());
  }

  @Test
  void refusesNonAsciiBytes() {
    byte[] bytes = "#AL#1é".getBytes(StandardCharsets.UTF_8);
    assertThrows(
        WialonFormatException.class, () -> WialonAnswerDecoder.decode(bytes, 0, bytes.length));
  }

  @Test
  void answersAcceptedPacketsAsTheSpecSays() {
    assertEquals(
        "#AL#1\r\n",
        encode(WialonAnswer.acceptedFor(new WialonPacket.Login(WialonVersion.V2_0, "1", null))));
    assertEquals("#AP#\r\n", encode(WialonAnswer.acceptedFor(new WialonPacket.Ping())));
  }

  private static String encode(WialonAnswer answer) {
    return WialonAnswerEncoder.encode(answer);
  }
}
