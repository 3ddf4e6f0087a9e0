package dev.dozor.gateway.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.gateway.stats.GatewayStats;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One server per enabled session factory, with its real port exposed. */
class TcpServersTest {
  private final Vertx vertx = Vertx.vertx();
  private final TcpServers servers = new TcpServers(vertx, null, new GatewayStats(), "127.0.0.1");

  @AfterEach
  void stop() throws Exception {
    servers.closeAll();
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  private static TcpServerSettings settings(boolean enabled) {
    return new TcpServerSettings(enabled, 0, 64, Duration.ZERO, 10, 10);
  }

  @Test
  void startsEnabledFactoriesOnTheirActualPortAndSkipsDisabledOnes() throws Exception {
    servers.startAll(
        List.of(
            new LineEchoSessionFactory("egts", settings(true)),
            new LineEchoSessionFactory("wialon-ips", settings(false))));

    OptionalInt egts = servers.port("egts");
    assertTrue(egts.isPresent() && egts.getAsInt() > 0);
    assertEquals(OptionalInt.empty(), servers.port("wialon-ips"));
    try (Socket s = new Socket("127.0.0.1", egts.getAsInt())) {
      s.setSoTimeout(5000);
      s.getOutputStream().write("ping\n".getBytes(StandardCharsets.UTF_8));
      BufferedReader in =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("echo ping", in.readLine());
    }
  }

  @Test
  void refusesTwoFactoriesForOneProtocol() {
    assertThrows(
        IllegalStateException.class,
        () ->
            servers.startAll(
                List.of(
                    new LineEchoSessionFactory("egts", settings(true)),
                    new LineEchoSessionFactory("egts", settings(true)))));
  }
}
