package dev.dozor.simulator.protocol;

import dev.dozor.protocol.RawFix;
import dev.dozor.protocol.wialon.WialonAnswer;
import dev.dozor.protocol.wialon.WialonAnswerEncoder;
import dev.dozor.protocol.wialon.WialonDataStatus;
import dev.dozor.protocol.wialon.WialonDecodeResult;
import dev.dozor.protocol.wialon.WialonFixMapper;
import dev.dozor.protocol.wialon.WialonLineFramer;
import dev.dozor.protocol.wialon.WialonLoginStatus;
import dev.dozor.protocol.wialon.WialonPacket;
import dev.dozor.protocol.wialon.WialonPacketDecoder;
import dev.dozor.protocol.wialon.WialonVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small Wialon IPS server on 127.0.0.1:0 built from the protocols module's server side: decodes
 * every line, answers {@code #AL#1}, {@code #AD#1}, {@code #AB#n} unless an answer is scripted
 * ({@link #thenAnswer}: a raw answer line, or {@link #CLOSE} to drop the connection instead), and
 * remembers the fixes it acknowledged ({@code #AB#n}: the first n).
 */
public final class WialonTestServer implements AutoCloseable {
  /** A scripted "answer" that closes the connection instead. */
  public static final String CLOSE = "CLOSE";

  private final ServerSocket server;
  private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
  private final List<RawFix> acknowledged = Collections.synchronizedList(new ArrayList<>());
  private final List<WialonPacket.Login> logins = Collections.synchronizedList(new ArrayList<>());
  private final List<String> packetTypes = Collections.synchronizedList(new ArrayList<>());
  private final ConcurrentLinkedQueue<String> script = new ConcurrentLinkedQueue<>();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile WialonLoginStatus loginStatus = WialonLoginStatus.OK;

  public WialonTestServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::acceptLoop, "wialon-test-server");
    t.setDaemon(true);
    t.start();
  }

  public HostPort address() {
    return new HostPort("127.0.0.1", server.getLocalPort());
  }

  /** The answer to every login. */
  public WialonTestServer loginStatus(WialonLoginStatus status) {
    this.loginStatus = status;
    return this;
  }

  /** Answers the next data or black-box packet with {@code line} (or {@link #CLOSE}). */
  public WialonTestServer thenAnswer(String line) {
    script.add(line);
    return this;
  }

  public List<RawFix> acknowledged() {
    synchronized (acknowledged) {
      return List.copyOf(acknowledged);
    }
  }

  public List<WialonPacket.Login> logins() {
    synchronized (logins) {
      return List.copyOf(logins);
    }
  }

  /** "D" or "B&lt;n&gt;" per data packet received, in order. */
  public List<String> packetTypes() {
    synchronized (packetTypes) {
      return List.copyOf(packetTypes);
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
        Thread t = new Thread(() -> serve(s), "wialon-test-connection");
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
      WialonLineFramer framer = new WialonLineFramer(1 << 20);
      byte[] buffer = new byte[1 << 20];
      int buffered = 0;
      WialonVersion version = WialonVersion.V1_1;
      while (true) {
        WialonLineFramer.Frame frame = framer.next(buffer, 0, buffered);
        if (frame instanceof WialonLineFramer.NeedMore) {
          int n = in.read(buffer, buffered, buffer.length - buffered);
          if (n < 0) {
            return;
          }
          buffered += n;
          continue;
        }
        if (!(frame instanceof WialonLineFramer.Line line)) {
          return;
        }
        WialonDecodeResult result =
            WialonPacketDecoder.decode(buffer, 0, line.lineLength(), version);
        System.arraycopy(buffer, line.frameLength(), buffer, 0, buffered - line.frameLength());
        buffered -= line.frameLength();
        String answer;
        if (result instanceof WialonDecodeResult.Rejected rejected) {
          answer = WialonAnswerEncoder.encode(rejected.answer());
        } else if (result instanceof WialonDecodeResult.Decoded decoded) {
          WialonPacket packet = decoded.packet();
          if (packet instanceof WialonPacket.Login login) {
            logins.add(login);
            version = login.version();
            answer = WialonAnswerEncoder.encode(new WialonAnswer.Login(loginStatus));
          } else if (packet instanceof WialonPacket.Data data) {
            packetTypes.add("D");
            answer = scriptedOr("#AD#1");
            if (answer.equals("#AD#1")) {
              acknowledged.add(WialonFixMapper.toFix(data, Instant.now()));
            }
            answer = answer.equals(CLOSE) ? CLOSE : answer + "\r\n";
          } else if (packet instanceof WialonPacket.BlackBox box) {
            packetTypes.add("B" + box.entries().size());
            String fallback =
                WialonAnswerEncoder.encode(WialonAnswer.BlackBox.of(box.acceptedCount())).strip();
            answer = scriptedOr(fallback);
            if (answer.matches("#AB#\\d+")) {
              int n = Integer.parseInt(answer.substring(4));
              List<RawFix> fixes = WialonFixMapper.toFixes(box, Instant.now());
              acknowledged.addAll(fixes.subList(0, Math.min(n, fixes.size())));
            }
            answer = answer.equals(CLOSE) ? CLOSE : answer + "\r\n";
          } else {
            answer = WialonAnswerEncoder.encode(new WialonAnswer.Ping());
          }
        } else {
          answer =
              WialonAnswerEncoder.encode(new WialonAnswer.Data(WialonDataStatus.STRUCTURE_ERROR));
        }
        if (answer.equals(CLOSE)) {
          return;
        }
        out.write(answer.getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
    } catch (IOException e) {
      // the connection ends; the client notices
    }
  }

  private String scriptedOr(String fallback) {
    String next = script.poll();
    return next == null ? fallback : next;
  }
}
