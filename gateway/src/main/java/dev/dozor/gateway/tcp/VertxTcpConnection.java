package dev.dozor.gateway.tcp;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * One accepted connection: feeds its bytes to the session, writes the session's answers in the
 * order they were queued, and pauses reading while too many records wait for their answer. All
 * state is touched only on the connection's event-loop context.
 */
final class VertxTcpConnection implements TcpConnection {
  private static final Logger LOG = Logger.getLogger(VertxTcpConnection.class);

  private final TcpServer server;
  private final NetSocket socket;
  private final Context context;
  private final Thread eventLoop;
  private final String id;
  private final String ip;
  private final String remote;
  private final ArrayDeque<Slot> replies = new ArrayDeque<>();
  private final long openedNanos = System.nanoTime();

  private TcpSession session;
  private String device;
  private int unacked;
  private boolean pausedBySession;
  private boolean reading = true;
  private boolean closeRequested;
  private boolean closed;
  private long lastReadNanos = openedNanos;

  /** One queued answer; {@code close} marks where a requested close takes effect. */
  private static final class Slot {
    final int records;
    final boolean close;
    boolean done;
    Buffer answer;
    Throwable failure;

    Slot(int records, boolean close) {
      this.records = records;
      this.close = close;
    }
  }

  /** Called on the connection's event-loop thread (the server's connect handler). */
  VertxTcpConnection(TcpServer server, NetSocket socket, Context context, String id) {
    this.server = server;
    this.socket = socket;
    this.context = context;
    this.eventLoop = Thread.currentThread();
    this.id = id;
    this.ip = socket.remoteAddress().hostAddress();
    this.remote = ip + ":" + socket.remoteAddress().port();
  }

  /** Opens the session and wires the socket's handlers; false when the session refused. */
  boolean start(TcpSessionFactory factory) {
    socket.closeHandler(v -> onClosed());
    socket.exceptionHandler(e -> LOG.debugf("[%s] connection error: %s", describe(), e.toString()));
    try {
      session = factory.open(this);
    } catch (RuntimeException e) {
      LOG.errorf(e, "[%s] the %s session could not be opened; closing", describe(), protocol());
      socket.close();
      return false;
    }
    socket.handler(this::onBytes);
    return true;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String protocol() {
    return server.protocol();
  }

  @Override
  public String remoteAddress() {
    return remote;
  }

  @Override
  public TcpServerSettings settings() {
    return server.settings();
  }

  @Override
  public void identify(String device) {
    onContext(() -> this.device = device);
  }

  @Override
  public void write(Buffer bytes) {
    reply(0, CompletableFuture.completedFuture(bytes));
  }

  @Override
  public void reply(int records, CompletionStage<Buffer> answer) {
    if (records < 0) {
      throw new IllegalArgumentException("records must not be negative, got " + records);
    }
    onContext(
        () -> {
          if (closeRequested || closed) {
            return; // the device resends whatever was not answered
          }
          Slot slot = new Slot(records, false);
          replies.add(slot);
          unacked += records;
          updateReading();
          answer.whenComplete(
              (bytes, failure) ->
                  onContext(
                      () -> {
                        slot.done = true;
                        slot.answer = bytes;
                        slot.failure = failure;
                        drain();
                      }));
        });
  }

  @Override
  public int unackedRecords() {
    return unacked;
  }

  @Override
  public void pause() {
    onContext(
        () -> {
          pausedBySession = true;
          updateReading();
        });
  }

  @Override
  public void resume() {
    onContext(
        () -> {
          pausedBySession = false;
          updateReading();
        });
  }

  @Override
  public void close() {
    onContext(
        () -> {
          if (closeRequested || closed) {
            return;
          }
          closeRequested = true;
          Slot marker = new Slot(0, true);
          marker.done = true;
          replies.add(marker);
          updateReading();
          drain();
        });
  }

  /** Closes at once, dropping queued answers (server shutdown). */
  void abort() {
    onContext(socket::close);
  }

  /** The tracker's IP address (the per-IP limit's key). */
  String ip() {
    return ip;
  }

  /** {@code [egts-17 10.0.0.5:40211 device d-7]}-style prefix of every log line. */
  String describe() {
    return device == null ? id + " " + remote : id + " " + remote + " " + device;
  }

  private void onBytes(Buffer data) {
    lastReadNanos = System.nanoTime();
    if (closeRequested || closed) {
      return;
    }
    try {
      session.onBytes(data);
    } catch (TcpProtocolException e) {
      server.stats().malformed(protocol());
      LOG.infof("[%s] closing: %s", describe(), e.getMessage());
      close();
    } catch (Exception e) {
      // isolation boundary: a session bug ends this connection, never the server or its neighbours
      LOG.errorf(e, "[%s] the %s session failed; closing this connection", describe(), protocol());
      close();
    }
  }

  /** Writes every answer at the head of the queue that is complete, in queue order. */
  private void drain() {
    while (!closed && !replies.isEmpty() && replies.peek().done) {
      Slot slot = replies.poll();
      unacked -= slot.records;
      if (slot.close) {
        socket.close();
        return;
      }
      if (slot.failure != null) {
        LOG.warnf(
            "[%s] an answer for %d records failed (%s); closing so the device resends them",
            describe(), slot.records, unwrap(slot.failure).toString());
        socket.close();
        return;
      }
      if (slot.answer != null && slot.answer.length() > 0) {
        socket.write(slot.answer);
      }
    }
    updateReading();
  }

  private void updateReading() {
    if (closed) {
      return;
    }
    boolean shouldRead =
        !closeRequested && !pausedBySession && unacked < server.settings().maxUnackedRecords();
    if (shouldRead != reading) {
      reading = shouldRead;
      if (shouldRead) {
        socket.resume();
      } else {
        socket.pause();
      }
      LOG.tracef(
          "[%s] reading %s (%d records un-acknowledged)",
          describe(), shouldRead ? "resumed" : "paused", unacked);
    }
  }

  private void onClosed() {
    if (closed) {
      return;
    }
    closed = true;
    long idleMillis = (System.nanoTime() - lastReadNanos) / 1_000_000;
    long idleLimit = server.settings().idleTimeout().toMillis();
    if (idleLimit > 0 && idleMillis >= idleLimit && !closeRequested) {
      LOG.infof("[%s] closed: nothing received for %d ms", describe(), idleMillis);
    } else {
      LOG.debugf(
          "[%s] closed after %d ms", describe(), (System.nanoTime() - openedNanos) / 1_000_000);
    }
    if (unacked > 0) {
      LOG.infof(
          "[%s] closed with %d records not answered; the device will resend them",
          describe(), unacked);
    }
    replies.clear();
    unacked = 0;
    server.connectionClosed(this);
    if (session != null) {
      try {
        session.onClose();
      } catch (RuntimeException e) {
        LOG.errorf(e, "[%s] the %s session failed while closing", describe(), protocol());
      }
    }
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private void onContext(Runnable action) {
    if (Thread.currentThread() == eventLoop) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }
}
