package dev.dozor.simulator.protocol;

import dev.dozor.protocol.RawFix;
import dev.dozor.protocol.egts.EgtsDecodeException;
import dev.dozor.protocol.egts.EgtsFrameDecoder;
import dev.dozor.protocol.egts.EgtsFrameStatus;
import dev.dozor.protocol.egts.EgtsPacket;
import dev.dozor.protocol.egts.EgtsPacketDecoder;
import dev.dozor.protocol.egts.EgtsPacketType;
import dev.dozor.protocol.egts.EgtsRecord;
import dev.dozor.protocol.egts.EgtsResponseEncoder;
import dev.dozor.protocol.egts.EgtsResultCode;
import dev.dozor.protocol.egts.EgtsSubrecord;
import dev.dozor.protocol.egts.EgtsTeledataDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A small EGTS platform on 127.0.0.1:0 built from the protocols module's server side: answers
 * TERM_IDENTITY with PT_RESPONSE and SR_RESULT_CODE, every TELEDATA packet with PT_RESPONSE and one
 * SR_RECORD_RESPONSE per record, with scripted statuses, and remembers the fixes it acknowledged.
 */
public final class EgtsTestServer implements AutoCloseable {
  private final ServerSocket server;
  private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
  private final List<RawFix> acknowledged = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> terminalIds = Collections.synchronizedList(new ArrayList<>());
  private final List<Integer> packetSizes = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger recordsSeen = new AtomicInteger();
  private final AtomicInteger packetsSeen = new AtomicInteger();
  private volatile int authResult = EgtsResultCode.OK;
  private volatile IntUnaryOperator recordStatus = n -> EgtsResultCode.OK;
  private volatile int dropOnPacket = -1;
  private volatile int silentOnPacket = -1;

  public EgtsTestServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::acceptLoop, "egts-test-server");
    t.setDaemon(true);
    t.start();
  }

  public HostPort address() {
    return new HostPort("127.0.0.1", server.getLocalPort());
  }

  /** The RCD answered to every TERM_IDENTITY. */
  public EgtsTestServer authResult(int code) {
    this.authResult = code;
    return this;
  }

  /** RST of the n-th record received (0-based, over all connections). */
  public EgtsTestServer recordStatus(IntUnaryOperator statusOfNthRecord) {
    this.recordStatus = statusOfNthRecord;
    return this;
  }

  /** Closes the connection instead of answering the n-th TELEDATA packet (1-based). */
  public EgtsTestServer dropConnectionOnPacket(int n) {
    this.dropOnPacket = n;
    return this;
  }

  /** Never answers the n-th TELEDATA packet (1-based). */
  public EgtsTestServer silentOnPacket(int n) {
    this.silentOnPacket = n;
    return this;
  }

  /** Fixes answered with status 0, in arrival order. */
  public List<RawFix> acknowledged() {
    synchronized (acknowledged) {
      return List.copyOf(acknowledged);
    }
  }

  /** TIDs of every TERM_IDENTITY. */
  public List<Long> terminalIds() {
    synchronized (terminalIds) {
      return List.copyOf(terminalIds);
    }
  }

  /** Records per TELEDATA packet, in arrival order. */
  public List<Integer> packetSizes() {
    synchronized (packetSizes) {
      return List.copyOf(packetSizes);
    }
  }

  public int connections() {
    return connections.get();
  }

  @Override
  public void close() throws IOException {
    server.close();
    synchronized (sockets) {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        sockets.add(s);
        connections.incrementAndGet();
        Thread t = new Thread(() -> serve(s), "egts-test-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      EgtsFrameDecoder frames = new EgtsFrameDecoder(65_536);
      byte[] buffer = new byte[65_536];
      int buffered = 0;
      int pid = 0;
      while (true) {
        EgtsFrameStatus status = frames.probe(buffer, 0, buffered);
        if (status instanceof EgtsFrameStatus.NeedMore) {
          int n = in.read(buffer, buffered, buffer.length - buffered);
          if (n < 0) {
            return;
          }
          buffered += n;
          continue;
        }
        if (!(status instanceof EgtsFrameStatus.Complete complete)) {
          return;
        }
        EgtsPacket p = EgtsPacketDecoder.decode(Arrays.copyOf(buffer, complete.frameLength()));
        System.arraycopy(
            buffer, complete.frameLength(), buffer, 0, buffered - complete.frameLength());
        buffered -= complete.frameLength();
        if (p.packetType() != EgtsPacketType.APPDATA) {
          continue; // the terminal's PT_RESPONSE to our RESULT_CODE
        }
        Long tid = terminalId(p);
        if (tid != null) {
          terminalIds.add(tid);
          out.write(EgtsResponseEncoder.acknowledge(pid++, p, EgtsResultCode.OK));
          out.write(EgtsResponseEncoder.authResult(pid++, 0, authResult));
          out.flush();
          continue;
        }
        int packet = packetsSeen.incrementAndGet();
        packetSizes.add(p.records().size());
        if (packet == dropOnPacket) {
          return;
        }
        if (packet == silentOnPacket) {
          continue;
        }
        List<EgtsResponseEncoder.RecordAck> acks = new ArrayList<>();
        for (EgtsRecord r : p.records()) {
          int rst = recordStatus.applyAsInt(recordsSeen.getAndIncrement());
          acks.add(EgtsResponseEncoder.RecordAck.of(r, rst));
          if (rst == EgtsResultCode.OK) {
            acknowledged.addAll(EgtsTeledataDecoder.fixes(r));
          }
        }
        out.write(EgtsResponseEncoder.packetResponse(pid++, p.packetId(), EgtsResultCode.OK, acks));
        out.flush();
      }
    } catch (IOException | EgtsDecodeException e) {
      // the connection ends; the client notices
    }
  }

  private static Long terminalId(EgtsPacket p) {
    for (EgtsRecord r : p.records()) {
      for (EgtsSubrecord s : r.subrecords()) {
        if (s instanceof EgtsSubrecord.TermIdentity id) {
          return id.terminalId();
        }
      }
    }
    return null;
  }
}
