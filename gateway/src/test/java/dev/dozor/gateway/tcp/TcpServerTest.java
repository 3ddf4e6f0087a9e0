package dev.dozor.gateway.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dozor.gateway.stats.GatewayStats;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The protocol-agnostic TCP server, on real sockets on 127.0.0.1 and random ports. */
class TcpServerTest {
  private static final String PROTOCOL = "line-echo";
  private static final Duration NO_IDLE = Duration.ZERO;

  private final Vertx vertx = Vertx.vertx();
  private final GatewayStats stats = new GatewayStats();
  private final List<Client> clients = new ArrayList<>();
  private TcpServer server;
  private LineEchoSessionFactory factory;

  @AfterEach
  void stop() throws Exception {
    for (Client c : clients) {
      c.close();
    }
    if (server != null) {
      server.close(Duration.ofSeconds(5));
    }
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  private int start(TcpServerSettings settings) throws Exception {
    factory = new LineEchoSessionFactory(PROTOCOL, settings);
    server = new TcpServer(vertx, "127.0.0.1", factory, stats);
    return server.start(Duration.ofSeconds(10));
  }

  @Test
  void answersEveryLineThroughTheSession() throws Exception {
    int port = start(LineEchoSessionFactory.settings(64, NO_IDLE, 10, 10));
    Client c = connect(port);
    c.send("one\ntw");
    c.send("o\n");
    assertEquals("echo one", c.readLine());
    assertEquals("echo two", c.readLine());
    await(() -> stats.snapshot().get(PROTOCOL).openConnections() == 1, "connection counted");
  }

  @Test
  void refusesConnectionsAboveThePerIpLimitAndAcceptsAgainOnceOneCloses() throws Exception {
    int port = start(LineEchoSessionFactory.settings(64, NO_IDLE, 2, 10));
    Client first = connect(port);
    Client second = connect(port);
    first.send("a\n");
    second.send("b\n");
    assertEquals("echo a", first.readLine());
    assertEquals("echo b", second.readLine());

    Client third = connect(port);
    assertTrue(third.closedByServer(), "the third connection from one IP must be closed");
    assertEquals(1, stats.snapshot().get(PROTOCOL).refusedConnections());
    assertEquals(2, server.openConnections());

    first.close();
    await(() -> server.openConnections() == 1, "the closed connection to be released");
    Client fourth = connect(port);
    fourth.send("d\n");
    assertEquals("echo d", fourth.readLine());
  }

  @Test
  void closesAConnectionThatStaysSilent() throws Exception {
    int port = start(LineEchoSessionFactory.settings(64, Duration.ofMillis(300), 10, 10));
    Client c = connect(port);
    c.send("hello\n");
    assertEquals("echo hello", c.readLine());
    long started = System.nanoTime();
    assertTrue(c.closedByServer(), "an idle connection must be closed");
    assertTrue(System.nanoTime() - started >= Duration.ofMillis(200).toNanos(), "not before idle");
    await(() -> stats.snapshot().get(PROTOCOL).openConnections() == 0, "connection released");
  }

  @Test
  void writesAnswersInRequestOrderWhenAcknowledgementsCompleteOutOfOrder() throws Exception {
    int port = start(LineEchoSessionFactory.settings(64, NO_IDLE, 10, 10));
    factory.slow = true;
    Client c = connect(port);
    c.send("a\nb\nc\n");
    await(() -> factory.pending.size() == 3, "three pending answers");

    factory.pending.get(2).complete(null);
    factory.pending.get(1).complete(null);
    assertThrows(SocketTimeoutException.class, () -> c.readLine(300), "c and b wait for a");

    factory.pending.get(0).complete(null);
    assertEquals("echo a", c.readLine());
    assertEquals("echo b", c.readLine());
    assertEquals("echo c", c.readLine());
  }

  @Test
  void pausesReadingAtMaxUnackedRecordsAndResumesBelow() throws Exception {
    int port = start(LineEchoSessionFactory.settings(64, NO_IDLE, 10, 3));
    factory.slow = true;
    Client c = connect(port);
    c.send("1\n2\n3\n");
    await(() -> factory.linesSeen.get() == 3, "three records read");

    c.send("4\n");
    Thread.sleep(300);
    assertEquals(3, factory.linesSeen.get(), "reading must pause at 3 un-acknowledged records");

    factory.pending.get(0).complete(null);
    assertEquals("echo 1", c.readLine());
    await(() -> factory.linesSeen.get() == 4, "reading to resume below the limit");
    factory.pending.forEach(p -> p.complete(null));
    assertEquals("echo 2", c.readLine());
    assertEquals("echo 3", c.readLine());
    assertEquals("echo 4", c.readLine());
  }

  @Test
  void aFailingSessionClosesOnlyItsOwnConnection() throws Exception {
    int port = start(LineEchoSessionFactory.settings(64, NO_IDLE, 10, 10));
    Client failing = connect(port);
    Client healthy = connect(port);
    healthy.send("before\n");
    assertEquals("echo before", healthy.readLine());

    failing.send("x\nboom\ny\n");
    assertEquals("echo x", failing.readLine(), "answers queued before the failure are written");
    assertTrue(failing.closedByServer(), "the failing connection must be closed");

    healthy.send("after\n");
    assertEquals("echo after", healthy.readLine());
    assertEquals(1, server.openConnections());
  }

  @Test
  void malformedFramesAreCountedAndCloseTheConnection() throws Exception {
    int port = start(LineEchoSessionFactory.settings(16, NO_IDLE, 10, 10));
    Client bad = connect(port);
    bad.send("bad\n");
    assertTrue(bad.closedByServer());

    Client tooLong = connect(port);
    tooLong.send("x".repeat(17));
    assertTrue(tooLong.closedByServer(), "17 bytes without a newline exceed max-frame-bytes 16");
    await(() -> stats.snapshot().get(PROTOCOL).malformed() == 2, "two malformed frames counted");
  }

  @Test
  void answerOfAFailedAcknowledgementClosesTheConnection() throws Exception {
    int port = start(LineEchoSessionFactory.settings(64, NO_IDLE, 10, 10));
    factory.slow = true;
    Client c = connect(port);
    c.send("a\nb\n");
    await(() -> factory.pending.size() == 2, "two pending answers");
    factory.pending.get(0).complete(null);
    factory.pending.get(1).completeExceptionally(new IllegalStateException("lost"));
    assertEquals("echo a", c.readLine());
    assertTrue(c.closedByServer(), "an answer that failed must not be skipped silently");
  }

  // --- helpers ---

  private Client connect(int port) throws IOException {
    Client c = new Client(new Socket("127.0.0.1", port));
    clients.add(c);
    return c;
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  /** A blocking line client. */
  static final class Client implements AutoCloseable {
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    Client(Socket socket) throws IOException {
      this.socket = socket;
      this.in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      this.out = socket.getOutputStream();
    }

    void send(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    String readLine() throws IOException {
      return readLine(5000);
    }

    String readLine(int timeoutMillis) throws IOException {
      socket.setSoTimeout(timeoutMillis);
      return in.readLine();
    }

    /** True when the server closes the connection (EOF or reset) within 5 seconds. */
    boolean closedByServer() throws IOException {
      socket.setSoTimeout(5000);
      try {
        while (true) {
          String line = in.readLine();
          if (line == null) {
            return true;
          }
        }
      } catch (SocketTimeoutException e) {
        return false;
      } catch (IOException e) {
        return true; // connection reset
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
