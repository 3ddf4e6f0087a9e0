package dev.dozor.gateway.tcp;

import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny line protocol for testing the TCP infrastructure: each line is one record answered with
 * {@code echo <line>}. In slow mode the answers wait until the test completes them (a slow Kafka).
 * {@code boom} makes the session fail, {@code bad} is a malformed frame.
 */
final class LineEchoSessionFactory implements TcpSessionFactory {
  final AtomicInteger linesSeen = new AtomicInteger();
  final List<CompletableFuture<Buffer>> pending = new CopyOnWriteArrayList<>();
  private final String protocol;
  private final TcpServerSettings settings;
  volatile boolean slow;

  LineEchoSessionFactory(String protocol, TcpServerSettings settings) {
    this.protocol = protocol;
    this.settings = settings;
  }

  static TcpServerSettings settings(
      int maxFrameBytes, Duration idle, int maxPerIp, int maxUnacked) {
    return new TcpServerSettings(true, 0, maxFrameBytes, idle, maxPerIp, maxUnacked);
  }

  @Override
  public String protocol() {
    return protocol;
  }

  @Override
  public TcpServerSettings settings() {
    return settings;
  }

  @Override
  public TcpSession open(TcpConnection connection) {
    FrameBuffer frames = new FrameBuffer(connection.settings().maxFrameBytes());
    return data -> {
      frames.append(data);
      int newline;
      while ((newline = indexOf(frames.view(), (byte) '\n')) >= 0) {
        String line = frames.view().getString(0, newline);
        frames.consume(newline + 1);
        linesSeen.incrementAndGet();
        if (line.equals("boom")) {
          throw new IllegalStateException("boom: a session bug");
        }
        if (line.equals("bad")) {
          throw new TcpProtocolException("bad frame");
        }
        Buffer answer = Buffer.buffer("echo " + line + "\n");
        if (slow) {
          CompletableFuture<Buffer> ack = new CompletableFuture<>();
          pending.add(ack);
          connection.reply(1, ack.thenApply(ignored -> answer));
        } else {
          connection.write(answer);
        }
      }
    };
  }

  private static int indexOf(Buffer buffer, byte b) {
    for (int i = 0; i < buffer.length(); i++) {
      if (buffer.getByte(i) == b) {
        return i;
      }
    }
    return -1;
  }
}
