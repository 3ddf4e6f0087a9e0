package dev.dozor.protocol.egts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one complete EGTS frame (as cut by {@link EgtsFrameDecoder}) into an {@link EgtsPacket}:
 * transport checks, then the service records of EGTS_PT_APPDATA or EGTS_PT_RESPONSE. Pure; the only
 * exception is {@link EgtsDecodeException}:
 *
 * <ul>
 *   <li>transport errors as listed on {@link EgtsFrameDecoder};
 *   <li>fewer or more bytes than the header announces: {@link EgtsResultCode#INVDATALEN};
 *   <li>PT other than RESPONSE or APPDATA (SIGNED_APPDATA included): {@link
 *       EgtsResultCode#UNS_TYPE};
 *   <li>a record header cut off by the end of SFRD, or RL / SRL running past its container: {@link
 *       EgtsResultCode#INVDATALEN};
 *   <li>a subrecord field cut off by SRL: {@link EgtsResultCode#INC_DATAFORM}.
 * </ul>
 */
public final class EgtsPacketDecoder {
  private static final EgtsFrameDecoder FRAMES =
      new EgtsFrameDecoder(EgtsFrameDecoder.PROTOCOL_MAX_FRAME_BYTES);

  private EgtsPacketDecoder() {}

  /** Decodes {@code frame}, which must hold exactly one frame. */
  public static EgtsPacket decode(byte[] frame) throws EgtsDecodeException {
    return decode(frame, 0, frame.length);
  }

  /** Decodes the {@code length} bytes of {@code buffer} from {@code offset}: exactly one frame. */
  public static EgtsPacket decode(byte[] buffer, int offset, int length)
      throws EgtsDecodeException {
    EgtsFrameStatus status = FRAMES.probe(buffer, offset, length);
    if (status instanceof EgtsFrameStatus.Invalid invalid) {
      throw invalid.toException();
    }
    if (status instanceof EgtsFrameStatus.NeedMore more) {
      throw new EgtsDecodeException(
          EgtsResultCode.INVDATALEN,
          -1,
          "frame is truncated: " + length + " bytes, the header announces " + more.totalBytes());
    }
    EgtsTransportHeader header = EgtsTransportHeader.read(buffer, offset);
    int pid = header.packetId();
    if (header.frameLength() != length) {
      throw new EgtsDecodeException(
          EgtsResultCode.INVDATALEN,
          pid,
          (length - header.frameLength())
              + " bytes follow the frame of "
              + header.frameLength()
              + " bytes");
    }
    int sfrd = offset + header.headerLength();
    EgtsReader reader =
        new EgtsReader(
            buffer, offset, sfrd, sfrd + header.frameDataLength(), pid, EgtsResultCode.INVDATALEN);
    return switch (header.packetType()) {
      case EgtsPacketType.RESPONSE -> {
        int rpid = reader.u16("RPID");
        int pr = reader.u8("PR");
        yield new EgtsPacket(header, rpid, pr, records(reader));
      }
      case EgtsPacketType.APPDATA -> new EgtsPacket(header, null, null, records(reader));
      default ->
          throw new EgtsDecodeException(
              EgtsResultCode.UNS_TYPE, pid, "PT at offset 9 is " + header.packetType());
    };
  }

  private static List<EgtsRecord> records(EgtsReader sfrd) throws EgtsDecodeException {
    List<EgtsRecord> records = new ArrayList<>();
    while (sfrd.hasRemaining()) {
      records.add(record(sfrd));
    }
    return records;
  }

  private static EgtsRecord record(EgtsReader r) throws EgtsDecodeException {
    int rl = r.u16("RL");
    int rn = r.u16("RN");
    int rfl = r.u8("RFL");
    Long oid = (rfl & 0x01) != 0 ? r.u32("OID") : null;
    Long evid = (rfl & 0x02) != 0 ? r.u32("EVID") : null;
    Instant tm = (rfl & 0x04) != 0 ? EgtsTime.toInstant(r.u32("TM")) : null;
    int sst = r.u8("SST");
    int rst = r.u8("RST");
    EgtsReader rd =
        r.slice(rl, "RL of record " + rn, EgtsResultCode.INVDATALEN, EgtsResultCode.INVDATALEN);
    List<EgtsSubrecord> subrecords = new ArrayList<>();
    while (rd.hasRemaining()) {
      int srt = rd.u8("SRT");
      int srl = rd.u16("SRL");
      EgtsReader srd =
          rd.slice(
              srl,
              "SRL of subrecord " + srt + " in record " + rn,
              EgtsResultCode.INVDATALEN,
              EgtsResultCode.INC_DATAFORM);
      subrecords.add(EgtsSubrecordDecoder.decode(srt, rst, srl, srd));
    }
    return new EgtsRecord(
        rn,
        (rfl & 0x80) != 0,
        (rfl & 0x40) != 0,
        (rfl & 0x20) != 0,
        (rfl >> 3) & 0x03,
        oid,
        evid,
        tm,
        sst,
        rst,
        subrecords);
  }
}
