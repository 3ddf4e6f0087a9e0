package dev.dozor.bench.gateway;

import dev.dozor.protocol.RawFix;
import dev.dozor.protocol.egts.EgtsDecodeException;
import dev.dozor.protocol.egts.EgtsDeviceEncoder;
import dev.dozor.protocol.egts.EgtsPacket;
import dev.dozor.protocol.egts.EgtsPacketType;
import dev.dozor.protocol.egts.EgtsResponseEncoder;
import dev.dozor.protocol.egts.EgtsResultCode;
import dev.dozor.protocol.egts.EgtsStreamReader;
import dev.dozor.protocol.egts.EgtsSubrecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * EGTS terminals, one TCP connection and one thread each: authenticate with TERM_IDENTITY, then
 * send packets of TELEDATA records (POS_DATA + AD_SENSORS), {@code inFlight} packets at a time, and
 * count the records the gateway answered with EGTS_PC_OK in SR_RECORD_RESPONSE.
 */
final class EgtsLoad extends TcpDeviceLoad {
  private final int recordsPerPacket;
  private final int inFlight;

  EgtsLoad(String host, int port, int terminals, int recordsPerPacket, int inFlight) {
    super(host, port, terminals);
    this.recordsPerPacket = recordsPerPacket;
    this.inFlight = inFlight;
  }

  @Override
  public String protocol() {
    return "egts";
  }

  @Override
  public String unit() {
    return "records";
  }

  @Override
  Conversation open(int index, Socket socket) throws IOException {
    return new Terminal(index, socket.getInputStream(), socket.getOutputStream());
  }

  /** One terminal's protocol state: packet and record numbers, fix clock, receive buffer. */
  private final class Terminal implements Conversation {
    private final long terminalId;
    private final OutputStream out;
    private final EgtsStreamReader frames;
    private int packetId;
    private int recordNumber;
    private double lon = 37.60;
    private final double lat;

    Terminal(int index, InputStream in, OutputStream out) {
      this.terminalId = BenchDevices.egtsTerminalId(index);
      this.frames = new EgtsStreamReader(in, 65_536);
      this.out = out;
      this.lat = 55.80 + (index % 500) * 0.0005;
    }

    @Override
    public boolean login() throws IOException, EgtsDecodeException {
      out.write(
          EgtsDeviceEncoder.termIdentity(
              nextPacketId(), nextRecordNumber(), EgtsDeviceEncoder.identity(terminalId, null)));
      out.flush();
      while (true) {
        EgtsPacket p = frames.nextPacket();
        if (p.packetType() == EgtsPacketType.APPDATA) {
          OptionalInt result = p.authResult();
          out.write(EgtsResponseEncoder.acknowledge(nextPacketId(), p, EgtsResultCode.OK));
          out.flush();
          if (result.isPresent()) {
            if (result.getAsInt() != EgtsResultCode.OK) {
              fail("authentication refused with code " + result.getAsInt());
              return false;
            }
            return true;
          }
        }
      }
    }

    @Override
    public void round() throws IOException, EgtsDecodeException {
      for (int i = 0; i < inFlight; i++) {
        List<RawFix> fixes = new ArrayList<>(recordsPerPacket);
        // a fix per second ending 20 s ago (EGTS times are whole seconds): always plausible
        long fixMillis = System.currentTimeMillis() - 20_000 - recordsPerPacket * 1000L;
        for (int r = 0; r < recordsPerPacket; r++) {
          lon += 0.00002;
          fixes.add(
              new RawFix(
                  Instant.ofEpochMilli(fixMillis += 1000),
                  lat,
                  lon,
                  true,
                  35.0,
                  90.0,
                  150.0,
                  9,
                  1234.5,
                  Map.of("din1", 1.0, "ain1", 512.0),
                  Map.of()));
        }
        int first = recordNumber;
        recordNumber = (recordNumber + recordsPerPacket) & 0xFFFF;
        out.write(EgtsDeviceEncoder.teledata(nextPacketId(), first, terminalId, fixes));
      }
      out.flush();
      int answered = 0;
      while (answered < inFlight) {
        EgtsPacket p = frames.nextPacket();
        if (p.packetType() != EgtsPacketType.RESPONSE) {
          continue;
        }
        answered++;
        for (EgtsSubrecord.RecordResponse rr : p.recordResponses()) {
          if (rr.recordStatus() == EgtsResultCode.OK) {
            acked(1);
          } else {
            fail("record status " + rr.recordStatus());
          }
        }
      }
    }

    private int nextPacketId() {
      int id = packetId;
      packetId = (packetId + 1) & 0xFFFF;
      return id;
    }

    private int nextRecordNumber() {
      int n = recordNumber;
      recordNumber = (recordNumber + 1) & 0xFFFF;
      return n;
    }
  }
}
