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
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * EGTS terminals, one TCP connection and one thread each: authenticate with TERM_IDENTITY, then
 * send packets of TELEDATA records (POS_DATA + AD_SENSORS), {@code inFlight} packets at a time, and
 * count the records the gateway answered with EGTS_PC_OK in SR_RECORD_RESPONSE.
 */
final class EgtsLoad implements LoadPhase {
  private static final long THREAD_STACK_BYTES = 256 * 1024;

  private final String host;
  private final int port;
  private final int terminals;
  private final int recordsPerPacket;
  private final int inFlight;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final LongAdder acked = new LongAdder();
  private final LongAdder connected = new LongAdder();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private final List<Socket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());

  EgtsLoad(String host, int port, int terminals, int recordsPerPacket, int inFlight) {
    this.host = host;
    this.port = port;
    this.terminals = terminals;
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
  public void start() throws InterruptedException {
    for (int i = 0; i < terminals; i++) {
      int terminal = i;
      Thread t = new Thread(null, () -> drive(terminal), "bench-egts-" + i, THREAD_STACK_BYTES);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (connected.sum() + failureCount() < terminals && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  @Override
  public long acknowledged() {
    return acked.sum();
  }

  @Override
  public Map<String, Long> failures() {
    Map<String, Long> out = new TreeMap<>();
    failures.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  @Override
  public void stop() throws InterruptedException {
    running.set(false);
    synchronized (sockets) {
      for (Socket s : sockets) {
        try {
          s.close();
        } catch (IOException e) {
          // closing anyway
        }
      }
    }
    for (Thread t : threads) {
      t.join(5_000);
    }
  }

  private long failureCount() {
    return failures.values().stream().mapToLong(LongAdder::sum).sum();
  }

  private void fail(String cause) {
    failures.computeIfAbsent(cause, k -> new LongAdder()).increment();
  }

  private void drive(int terminal) {
    try (Socket socket = new Socket()) {
      sockets.add(socket);
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), 10_000);
      socket.setSoTimeout(30_000);
      Terminal t = new Terminal(terminal, socket.getInputStream(), socket.getOutputStream());
      if (!t.authenticate()) {
        return;
      }
      connected.increment();
      while (running.get()) {
        t.sendAndAwait();
      }
    } catch (IOException e) {
      if (running.get()) {
        fail("connection: " + e.getClass().getSimpleName() + " " + e.getMessage());
      }
    } catch (EgtsDecodeException e) {
      fail("undecodable answer: " + e.getMessage());
    }
  }

  /** One terminal's protocol state: packet and record numbers, fix clock, receive buffer. */
  private final class Terminal {
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

    boolean authenticate() throws IOException, EgtsDecodeException {
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

    void sendAndAwait() throws IOException, EgtsDecodeException {
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
            acked.increment();
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
