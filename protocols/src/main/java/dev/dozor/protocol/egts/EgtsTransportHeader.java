package dev.dozor.protocol.egts;

/**
 * The EGTS transport header (GOST 33472-2015 / Order 285, table "Состав пакета протокола
 * Транспортного уровня"). Layout, little-endian:
 *
 * <pre>
 * offset size field
 *   0     1   PRV  protocol version, 0x01
 *   1     1   SKID security key id
 *   2     1   flags: PRF (bits 7-6, 00) RTE (bit 5) ENA (bits 4-3) CMP (bit 2) PR (bits 1-0)
 *   3     1   HL   header length including HCS: 11, or 16 when RTE = 1
 *   4     1   HE   header encoding, 0
 *   5     2   FDL  length of SFRD
 *   7     2   PID  packet id
 *   9     1   PT   packet type ({@link EgtsPacketType})
 *  10     2   PRA  peer address       (only when RTE = 1)
 *  12     2   RCA  recipient address  (only when RTE = 1)
 *  14     1   TTL  time to live       (only when RTE = 1)
 * HL-1    1   HCS  CRC-8 ({@link Crc8}) of bytes 0 .. HL-2
 * then SFRD (FDL bytes) and, when FDL &gt; 0, SFRCS = CRC-16 ({@link Crc16Ccitt}) of SFRD.
 * </pre>
 *
 * @param securityKeyId SKID
 * @param route RTE
 * @param encryption ENA, 0 = not encrypted
 * @param compressed CMP
 * @param priority PR, 0 (highest) .. 3 (low)
 * @param headerLength HL
 * @param headerEncoding HE
 * @param frameDataLength FDL
 * @param packetId PID
 * @param packetType PT
 * @param peerAddress PRA, null unless RTE
 * @param recipientAddress RCA, null unless RTE
 * @param timeToLive TTL, null unless RTE
 */
public record EgtsTransportHeader(
    int securityKeyId,
    boolean route,
    int encryption,
    boolean compressed,
    int priority,
    int headerLength,
    int headerEncoding,
    int frameDataLength,
    int packetId,
    int packetType,
    Integer peerAddress,
    Integer recipientAddress,
    Integer timeToLive) {

  /** PRV this codec speaks. */
  public static final int PROTOCOL_VERSION = 1;

  /** HL without routing fields. */
  public static final int LENGTH = 11;

  /** HL with PRA, RCA and TTL. */
  public static final int ROUTED_LENGTH = 16;

  /** Bytes of the whole frame: header, SFRD and, when there is an SFRD, its CRC. */
  public int frameLength() {
    return headerLength + frameDataLength + (frameDataLength > 0 ? 2 : 0);
  }

  /** Reads a header already validated by {@link EgtsFrameDecoder}. */
  static EgtsTransportHeader read(byte[] b, int off) {
    int flags = b[off + 2] & 0xFF;
    boolean route = (flags & 0x20) != 0;
    return new EgtsTransportHeader(
        b[off + 1] & 0xFF,
        route,
        (flags >> 3) & 0x03,
        (flags & 0x04) != 0,
        flags & 0x03,
        b[off + 3] & 0xFF,
        b[off + 4] & 0xFF,
        u16(b, off + 5),
        u16(b, off + 7),
        b[off + 9] & 0xFF,
        route ? u16(b, off + 10) : null,
        route ? u16(b, off + 12) : null,
        route ? b[off + 14] & 0xFF : null);
  }

  static int u16(byte[] b, int i) {
    return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
  }
}
