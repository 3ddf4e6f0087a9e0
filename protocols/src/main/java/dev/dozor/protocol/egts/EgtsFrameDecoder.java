package dev.dozor.protocol.egts;

import java.util.Objects;

/**
 * Cuts EGTS frames out of a TCP byte stream and runs the transport-layer checks in the order of the
 * receiving algorithm of GOST 33472-2015 / Order 285 (transport layer processing):
 *
 * <ol>
 *   <li>PRV = 1 and PRF = 00, else {@link EgtsResultCode#UNS_PROTOCOL};
 *   <li>HL = 11 (RTE = 0) or 16 (RTE = 1), else {@link EgtsResultCode#INC_HEADERFORM};
 *   <li>HCS (CRC-8), else {@link EgtsResultCode#HEADERCRC_ERROR};
 *   <li>HE = 0, else {@link EgtsResultCode#UNS_PROTOCOL} (no other header encoding is defined);
 *   <li>frame not larger than this decoder's limit, else {@link EgtsResultCode#NO_RES_AVAIL};
 *   <li>SFRCS (CRC-16) when FDL &gt; 0, else {@link EgtsResultCode#DATACRC_ERROR};
 *   <li>ENA = 00, else {@link EgtsResultCode#DECRYPT_ERROR} (no encryption is supported);
 *   <li>CMP = 0, else {@link EgtsResultCode#INC_DATAFORM} (no compression is supported).
 * </ol>
 *
 * The packet type is checked later by {@link EgtsPacketDecoder}. Pure and stateless.
 */
public final class EgtsFrameDecoder {

  /** Largest frame the protocol allows: routed header, 65535 bytes of SFRD and its CRC. */
  public static final int PROTOCOL_MAX_FRAME_BYTES = EgtsTransportHeader.ROUTED_LENGTH + 65535 + 2;

  private static final int PREFIX_BYTES = 4;

  private final int maxFrameBytes;

  /**
   * @param maxFrameBytes the largest frame the caller is willing to buffer, between 16 and {@link
   *     #PROTOCOL_MAX_FRAME_BYTES}; a device announcing a larger FDL is refused before its data is
   *     buffered
   */
  public EgtsFrameDecoder(int maxFrameBytes) {
    if (maxFrameBytes < EgtsTransportHeader.ROUTED_LENGTH
        || maxFrameBytes > PROTOCOL_MAX_FRAME_BYTES) {
      throw new IllegalArgumentException(
          "maxFrameBytes must be in [16, " + PROTOCOL_MAX_FRAME_BYTES + "]: " + maxFrameBytes);
    }
    this.maxFrameBytes = maxFrameBytes;
  }

  /** The limit given to the constructor. */
  public int maxFrameBytes() {
    return maxFrameBytes;
  }

  /**
   * Looks at {@code length} buffered bytes of {@code buffer} from {@code offset}, the first of
   * which must be the first byte of a frame. Whatever the bytes, returns a status (the range itself
   * must lie inside {@code buffer}).
   */
  public EgtsFrameStatus probe(byte[] buffer, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length >= 1 && (buffer[offset] & 0xFF) != EgtsTransportHeader.PROTOCOL_VERSION) {
      return lost(EgtsResultCode.UNS_PROTOCOL, "PRV at offset 0 is " + (buffer[offset] & 0xFF));
    }
    if (length >= 3 && (buffer[offset + 2] & 0xC0) != 0) {
      return lost(
          EgtsResultCode.UNS_PROTOCOL, "PRF at offset 2 is " + ((buffer[offset + 2] & 0xC0) >> 6));
    }
    if (length < PREFIX_BYTES) {
      return new EgtsFrameStatus.NeedMore(PREFIX_BYTES);
    }
    boolean route = (buffer[offset + 2] & 0x20) != 0;
    int hl = buffer[offset + 3] & 0xFF;
    int expectedHl = route ? EgtsTransportHeader.ROUTED_LENGTH : EgtsTransportHeader.LENGTH;
    if (hl != expectedHl) {
      return lost(
          EgtsResultCode.INC_HEADERFORM,
          "HL at offset 3 is " + hl + ", expected " + expectedHl + " with RTE=" + (route ? 1 : 0));
    }
    if (length < hl) {
      return new EgtsFrameStatus.NeedMore(hl);
    }
    int hcs = buffer[offset + hl - 1] & 0xFF;
    int crc8 = Crc8.compute(buffer, offset, hl - 1);
    if (hcs != crc8) {
      return lost(
          EgtsResultCode.HEADERCRC_ERROR,
          "HCS at offset " + (hl - 1) + " is " + hcs + ", computed " + crc8);
    }
    if ((buffer[offset + 4] & 0xFF) != 0) {
      return lost(EgtsResultCode.UNS_PROTOCOL, "HE at offset 4 is " + (buffer[offset + 4] & 0xFF));
    }
    EgtsTransportHeader header = EgtsTransportHeader.read(buffer, offset);
    int pid = header.packetId();
    int frameLength = header.frameLength();
    if (frameLength > maxFrameBytes) {
      return new EgtsFrameStatus.Invalid(
          EgtsResultCode.NO_RES_AVAIL,
          pid,
          0,
          "FDL at offset 5 is "
              + header.frameDataLength()
              + ", the frame would exceed "
              + maxFrameBytes
              + " bytes");
    }
    if (length < frameLength) {
      return new EgtsFrameStatus.NeedMore(frameLength);
    }
    int fdl = header.frameDataLength();
    if (fdl > 0) {
      int sfrcs = EgtsTransportHeader.u16(buffer, offset + hl + fdl);
      int crc16 = Crc16Ccitt.compute(buffer, offset + hl, fdl);
      if (sfrcs != crc16) {
        return new EgtsFrameStatus.Invalid(
            EgtsResultCode.DATACRC_ERROR,
            pid,
            frameLength,
            "SFRCS at offset " + (hl + fdl) + " is " + sfrcs + ", computed " + crc16);
      }
    }
    if (header.encryption() != 0) {
      return new EgtsFrameStatus.Invalid(
          EgtsResultCode.DECRYPT_ERROR,
          pid,
          frameLength,
          "ENA at offset 2 is " + header.encryption() + ", encryption is not supported");
    }
    if (header.compressed()) {
      return new EgtsFrameStatus.Invalid(
          EgtsResultCode.INC_DATAFORM,
          pid,
          frameLength,
          "CMP at offset 2 is set, compression is not supported");
    }
    return new EgtsFrameStatus.Complete(frameLength, pid);
  }

  private static EgtsFrameStatus lost(int code, String message) {
    return new EgtsFrameStatus.Invalid(code, -1, 0, message);
  }
}
