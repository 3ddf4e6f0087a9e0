package dev.dozor.bench.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Trackers on TCP, one connection and one thread each: the thread connects, lets the protocol log
 * in, then sends and awaits answers until stopped. Subclasses speak the protocol.
 */
abstract class TcpDeviceLoad implements LoadPhase {
  private static final long THREAD_STACK_BYTES = 256 * 1024;

  private final String host;
  private final int port;
  private final int devices;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final LongAdder acked = new LongAdder();
  private final LongAdder connected = new LongAdder();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());

  TcpDeviceLoad(String host, int port, int devices) {
    this.host = host;
    this.port = port;
    this.devices = devices;
  }

  /** One device's conversation; returns when {@link #running()} turns false or on failure. */
  interface Conversation {
    /** Logs in; false (after calling {@link #fail}) when the gateway refused. */
    boolean login() throws Exception;

    /** Sends a round of data and awaits its answers, counting them with {@link #acked}. */
    void round() throws Exception;
  }

  /** The conversation of device {@code index} over {@code socket}. */
  abstract Conversation open(int index, Socket socket) throws IOException;

  final void acked(long units) {
    acked.add(units);
  }

  final void fail(String cause) {
    failures.computeIfAbsent(cause, k -> new LongAdder()).increment();
  }

  @Override
  public final void start() throws InterruptedException {
    for (int i = 0; i < devices; i++) {
      int device = i;
      Thread t =
          new Thread(
              null, () -> drive(device), "bench-" + protocol() + "-" + i, THREAD_STACK_BYTES);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (connected.sum() + failureCount() < devices && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  @Override
  public final long acknowledged() {
    return acked.sum();
  }

  @Override
  public final Map<String, Long> failures() {
    Map<String, Long> out = new TreeMap<>();
    failures.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  @Override
  public final void stop() throws InterruptedException {
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

  private void drive(int device) {
    try (Socket socket = new Socket()) {
      sockets.add(socket);
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), 10_000);
      socket.setSoTimeout(30_000);
      Conversation c = open(device, socket);
      if (!c.login()) {
        return;
      }
      connected.increment();
      while (running.get()) {
        c.round();
      }
    } catch (Exception e) {
      if (running.get()) {
        fail("connection: " + e.getClass().getSimpleName() + " " + e.getMessage());
      }
    }
  }
}
