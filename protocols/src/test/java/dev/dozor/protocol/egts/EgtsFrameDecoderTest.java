package dev.dozor.protocol.egts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EgtsFrameDecoderTest {
  private final EgtsFrameDecoder frames = new EgtsFrameDecoder(1024);

  /** EGTS_PT_APPDATA with one AUTH record holding TERM_IDENTITY (see EgtsPacketDecoderTest). */
  static final String TERM_IDENTITY_FRAME =
      """
      01                             # PRV = 1
      00                             # SKID = 0
      00                             # PRF=00 RTE=0 ENA=00 CMP=0 PR=0
      0B                             # HL = 11
      00                             # HE = 0
      2000                           # FDL = 32
      0100                           # PID = 1
      01                             # PT = 1 (EGTS_PT_APPDATA)
      9B                             # HCS = CRC-8 of the 10 bytes above
      1900                           # RL = 25
      0100                           # RN = 1
      80                             # RFL = SSOD
      01                             # SST = 1 (AUTH)
      01                             # RST = 1 (AUTH)
      01                             #   SRT = 1 EGTS_SR_TERM_IDENTITY
      1600                           #   SRL = 22
      39300000                       #     TID = 12345
      42                             #     flags = BSE|IMEIE
      333532303933303831323334353637 #     IMEI = "352093081234567"
      0004                           #     BS = 1024
      AF65                           # SFRCS = CRC-16 of SFRD
      """;

  @Test
  void findsACompleteFrame() {
    byte[] f = EgtsHex.bytes(TERM_IDENTITY_FRAME);
    assertEquals(new EgtsFrameStatus.Complete(45, 1), frames.probe(f, 0, f.length));
  }

  @Test
  void asksForTheHeaderThenForTheWholeFrame() {
    byte[] f = EgtsHex.bytes(TERM_IDENTITY_FRAME);
    assertEquals(new EgtsFrameStatus.NeedMore(4), frames.probe(f, 0, 0));
    assertEquals(new EgtsFrameStatus.NeedMore(4), frames.probe(f, 0, 3));
    assertEquals(new EgtsFrameStatus.NeedMore(11), frames.probe(f, 0, 4));
    assertEquals(new EgtsFrameStatus.NeedMore(45), frames.probe(f, 0, 11));
    assertEquals(new EgtsFrameStatus.NeedMore(45), frames.probe(f, 0, 44));
  }

  @Test
  void cutsTwoFramesInOneBufferAtAnOffset() {
    byte[] one = EgtsHex.bytes(TERM_IDENTITY_FRAME);
    byte[] two = EgtsHex.frame(0, 2, EgtsPacketType.APPDATA, "");
    byte[] buf = new byte[3 + one.length + two.length];
    System.arraycopy(one, 0, buf, 3, one.length);
    System.arraycopy(two, 0, buf, 3 + one.length, two.length);
    assertEquals(new EgtsFrameStatus.Complete(45, 1), frames.probe(buf, 3, buf.length - 3));
    assertEquals(new EgtsFrameStatus.Complete(11, 2), frames.probe(buf, 48, two.length));
  }

  @Test
  void acceptsARoutedHeaderOfSixteenBytes() {
    byte[] f = new byte[16];
    f[0] = 1;
    f[2] = 0x20; // RTE
    f[3] = 16;
    f[7] = 9; // PID 9
    f[9] = EgtsPacketType.APPDATA;
    f[10] = 0x34; // PRA
    f[12] = 0x56; // RCA
    f[14] = 3; // TTL
    f[15] = (byte) Crc8.compute(f, 0, 15);
    assertEquals(new EgtsFrameStatus.Complete(16, 9), frames.probe(f, 0, 16));
    EgtsTransportHeader h = EgtsTransportHeader.read(f, 0);
    assertEquals(0x34, h.peerAddress());
    assertEquals(0x56, h.recipientAddress());
    assertEquals(3, h.timeToLive());
  }

  @Test
  void rejectsProtocolVersionTwoAtTheFirstByte() {
    byte[] f = EgtsHex.bytes(TERM_IDENTITY_FRAME);
    f[0] = 2;
    assertLost(EgtsResultCode.UNS_PROTOCOL, frames.probe(f, 0, 1));
    assertLost(EgtsResultCode.UNS_PROTOCOL, frames.probe(f, 0, f.length));
  }

  @Test
  void rejectsANonZeroPrefix() {
    byte[] f = EgtsHex.frame(0x40, 1, EgtsPacketType.APPDATA, "");
    assertLost(EgtsResultCode.UNS_PROTOCOL, frames.probe(f, 0, f.length));
  }

  @Test
  void rejectsAHeaderLengthThatIsNotElevenOrSixteen() {
    byte[] f = EgtsHex.bytes(TERM_IDENTITY_FRAME);
    f[3] = 12;
    assertLost(EgtsResultCode.INC_HEADERFORM, frames.probe(f, 0, 4));
  }

  @Test
  void rejectsAHeaderLengthThatContradictsTheRouteFlag() {
    byte[] f = EgtsHex.bytes(TERM_IDENTITY_FRAME);
    f[2] = 0x20; // RTE = 1 needs HL = 16
    assertLost(EgtsResultCode.INC_HEADERFORM, frames.probe(f, 0, f.length));
  }

  @Test
  void rejectsABadHeaderChecksum() {
    byte[] f = EgtsHex.bytes(TERM_IDENTITY_FRAME);
    f[10] ^= 0x01;
    assertLost(EgtsResultCode.HEADERCRC_ERROR, frames.probe(f, 0, f.length));
  }

  @Test
  void rejectsAnUnknownHeaderEncoding() {
    byte[] f = EgtsHex.bytes(TERM_IDENTITY_FRAME);
    f[4] = 1;
    f[10] = (byte) Crc8.compute(f, 0, 10);
    assertLost(EgtsResultCode.UNS_PROTOCOL, frames.probe(f, 0, f.length));
  }

  @Test
  void rejectsABadDataChecksumButKeepsTheStreamInStep() {
    byte[] f = EgtsHex.bytes(TERM_IDENTITY_FRAME);
    f[f.length - 1] ^= 0x10;
    EgtsFrameStatus.Invalid invalid = invalid(frames.probe(f, 0, f.length));
    assertEquals(EgtsResultCode.DATACRC_ERROR, invalid.resultCode());
    assertEquals(1, invalid.packetId());
    assertEquals(45, invalid.frameLength());
  }

  @Test
  void rejectsEncryptedDataWithDecryptError() {
    byte[] f = EgtsHex.frame(0x08, 5, EgtsPacketType.APPDATA, "00000100800202"); // ENA = 01
    EgtsFrameStatus.Invalid invalid = invalid(frames.probe(f, 0, f.length));
    assertEquals(EgtsResultCode.DECRYPT_ERROR, invalid.resultCode());
    assertEquals(5, invalid.packetId());
    assertEquals(f.length, invalid.frameLength());
  }

  @Test
  void rejectsCompressedDataWithIncorrectDataForm() {
    byte[] f = EgtsHex.frame(0x04, 6, EgtsPacketType.APPDATA, "00000100800202"); // CMP = 1
    EgtsFrameStatus.Invalid invalid = invalid(frames.probe(f, 0, f.length));
    assertEquals(EgtsResultCode.INC_DATAFORM, invalid.resultCode());
    assertEquals(f.length, invalid.frameLength());
  }

  @Test
  void refusesAFrameLargerThanTheCallerAllowsBeforeBufferingIt() {
    byte[] header = Arrays.copyOf(EgtsHex.frame(0, 8, EgtsPacketType.APPDATA, ""), 11);
    header[5] = (byte) 0xFF; // FDL = 65535
    header[6] = (byte) 0xFF;
    header[10] = (byte) Crc8.compute(header, 0, 10);
    EgtsFrameStatus.Invalid invalid = invalid(frames.probe(header, 0, 11));
    assertEquals(EgtsResultCode.NO_RES_AVAIL, invalid.resultCode());
    assertEquals(8, invalid.packetId());
    assertEquals(0, invalid.frameLength());
    EgtsFrameDecoder generous = new EgtsFrameDecoder(EgtsFrameDecoder.PROTOCOL_MAX_FRAME_BYTES);
    assertEquals(new EgtsFrameStatus.NeedMore(11 + 65535 + 2), generous.probe(header, 0, 11));
  }

  @Test
  void refusesAbsurdLimits() {
    assertThrows(IllegalArgumentException.class, () -> new EgtsFrameDecoder(15));
    assertThrows(
        IllegalArgumentException.class,
        () -> new EgtsFrameDecoder(EgtsFrameDecoder.PROTOCOL_MAX_FRAME_BYTES + 1));
  }

  private static void assertLost(int code, EgtsFrameStatus status) {
    EgtsFrameStatus.Invalid invalid = invalid(status);
    assertEquals(code, invalid.resultCode(), invalid.message());
    assertEquals(0, invalid.frameLength(), "the stream must be given up");
    assertEquals(-1, invalid.packetId());
  }

  private static EgtsFrameStatus.Invalid invalid(EgtsFrameStatus status) {
    return assertInstanceOf(EgtsFrameStatus.Invalid.class, status);
  }
}
