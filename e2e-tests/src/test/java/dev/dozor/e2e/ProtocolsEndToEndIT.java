package dev.dozor.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dozor.protocol.RawFix;
import dev.dozor.protocol.egts.EgtsDecodeException;
import dev.dozor.protocol.egts.EgtsDeviceEncoder;
import dev.dozor.protocol.egts.EgtsPacket;
import dev.dozor.protocol.egts.EgtsPacketType;
import dev.dozor.protocol.egts.EgtsResponseEncoder;
import dev.dozor.protocol.egts.EgtsResultCode;
import dev.dozor.protocol.egts.EgtsStreamReader;
import dev.dozor.protocol.egts.EgtsSubrecord;
import dev.dozor.protocol.wialon.WialonData;
import dev.dozor.protocol.wialon.WialonDeviceEncoder;
import dev.dozor.protocol.wialon.WialonParam;
import dev.dozor.protocol.wialon.WialonVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every device protocol against the packaged center: a fix sent over OsmAnd HTTP, EGTS and Wialon
 * IPS is acknowledged exactly as each protocol specifies, only after Kafka has it, and then shows
 * on the dispatcher's board with the equipment its device profile maps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolsEndToEndIT {
  private static final Duration DEADLINE = Duration.ofSeconds(90);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private PackagedCenter center;
  private CenterApi api;
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  void startCenter() throws Exception {
    center = PackagedCenter.start(http);
    api = new CenterApi(http, center, DEADLINE);
  }

  @AfterAll
  void stopCenter() throws Exception {
    if (center != null) {
      center.close();
    }
  }

  @Test
  void egtsTerminalIsAuthenticatedAcknowledgedPerRecordAndShowsOnTheBoardPloughDown()
      throws Exception {
    String vehicle = "e2e-egts-" + suffix;
    long tid = 1_000_000_000L + ThreadLocalRandom.current().nextLong(3_000_000_000L);
    register(vehicle, "egts", Map.of("terminalId", Long.toString(tid)), "din1", "plough");
    Instant fixTime = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
    try (Socket socket = connect(center.egtsPort)) {
      EgtsTerminal terminal = new EgtsTerminal(socket);
      api.await("the gateway to accept EGTS terminal " + tid, () -> terminal.login(tid), ok -> ok);
      RawFix fix =
          new RawFix(
              fixTime,
              55.8512,
              37.6403,
              true,
              23.4,
              180.0,
              150.0,
              9,
              1200.0,
              Map.of("din1", 1.0),
              Map.of());
      List<EgtsSubrecord.RecordResponse> answers = terminal.send(fix);
      assertEquals(1, answers.size(), "one SR_RECORD_RESPONSE per record: " + answers);
      assertEquals(EgtsResultCode.OK, answers.get(0).recordStatus(), "record accepted");
    }
    JsonNode position = awaitOnBoard(vehicle);
    assertEquals(55.8512, position.path("lat").asDouble(), 1e-5);
    assertEquals(37.6403, position.path("lon").asDouble(), 1e-5);
    assertEquals(23.4, position.path("speedKmh").asDouble(), 0.05);
    assertTrue(position.path("equipment").path("plough").asBoolean(), position.toString());
    assertEquals(fixTime, Instant.parse(position.path("fixTime").asText()));
  }

  @Test
  void wialonIpsTwoZeroLoginAndDataAreAnsweredAsTheSpecSaysAndShowOnTheBoardBrushOn()
      throws Exception {
    String vehicle = "e2e-wialon-" + suffix;
    String imei = "86" + String.format("%013d", ThreadLocalRandom.current().nextLong(1L << 40));
    register(
        vehicle,
        "wialon-ips",
        Map.of("terminalId", imei, "password", "e2e-secret"),
        "brush_on",
        "brush");
    Instant fixTime = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
    try (Socket socket = connect(center.wialonPort)) {
      InputStream in = socket.getInputStream();
      String login = WialonDeviceEncoder.login(WialonVersion.V2_0, imei, "e2e-secret");
      api.await(
          "the gateway to accept Wialon IMEI " + imei,
          () -> exchange(socket, in, login),
          answer -> answer.equals("#AL#1"));
      assertEquals(
          "#AL#01",
          exchangeOnNewConnection(WialonDeviceEncoder.login(WialonVersion.V2_0, imei, "wrong")),
          "a wrong password is answered #AL#01");
      WialonData data =
          WialonData.position(fixTime, 55.8601, 37.6502, 17.0, 90.0, 160.0, 11)
              .withExtended(
                  0.9, 0L, 0L, List.of(), null, List.of(new WialonParam.IntParam("brush_on", 1)));
      assertEquals(
          "#AD#1", exchange(socket, in, WialonDeviceEncoder.data(WialonVersion.V2_0, data)));
      assertEquals("#AP#", exchange(socket, in, WialonDeviceEncoder.ping()));
    }
    JsonNode position = awaitOnBoard(vehicle);
    assertEquals(55.8601, position.path("lat").asDouble(), 1e-4);
    assertEquals(37.6502, position.path("lon").asDouble(), 1e-4);
    assertTrue(position.path("equipment").path("brush").asBoolean(), position.toString());
  }

  @Test
  void osmAndFixFromTraccarClientIsAnswered200AndShowsOnTheBoardSpreaderOn() throws Exception {
    String vehicle = "e2e-osmand-" + suffix;
    String id = "e2e-osm-" + suffix;
    register(vehicle, "osmand", Map.of("terminalId", id), "spreading", "spreader");
    long timestamp = Instant.now().minusSeconds(5).getEpochSecond();
    // Traccar Client sends speed in knots: 10 kn = 18.52 km/h
    URI uri =
        URI.create(
            "http://127.0.0.1:"
                + center.osmandPort
                + "/?id="
                + id
                + "&lat=55.8702&lon=37.6601&timestamp="
                + timestamp
                + "&speed=10&bearing=45&altitude=150&accuracy=5&batt=87&spreading=1");
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build();
    api.await("the gateway to accept OsmAnd id " + id, () -> status(request), s -> s == 200);
    HttpRequest unknown =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:"
                        + center.osmandPort
                        + "/?id=nobody-"
                        + suffix
                        + "&lat=55.87&lon=37.66&timestamp="
                        + timestamp))
            .build();
    assertEquals(404, status(unknown), "an unknown OsmAnd id is answered 404");
    JsonNode position = awaitOnBoard(vehicle);
    assertEquals(55.8702, position.path("lat").asDouble(), 1e-6);
    assertEquals(18.52, position.path("speedKmh").asDouble(), 0.01);
    assertTrue(position.path("equipment").path("spreader").asBoolean(), position.toString());
  }

  // ------------------------------------------------------------------ helpers

  /** A vehicle, a profile mapping {@code input} to {@code channel}, and a device using both. */
  private void register(
      String vehicle, String protocol, Map<String, String> device, String input, String channel)
      throws Exception {
    String telemetry = center.telemetry.baseUrl();
    api.put(
        telemetry + "/api/v1/vehicles/" + vehicle,
        Map.of(
            "plate", "E2E" + suffix, "type", "plough", "contractor", "e2e", "district", "Марфино"));
    String profile = "e2e-" + protocol + "-" + suffix;
    api.put(
        telemetry + "/api/v1/device-profiles/" + profile,
        Map.of(
            "name",
            "e2e " + protocol,
            "mappings",
            List.of(Map.of("channel", channel, "input", input))));
    Map<String, Object> body = new java.util.HashMap<>(device);
    body.put("vehicleId", vehicle);
    body.put("protocol", protocol);
    body.put("profileId", profile);
    api.put(telemetry + "/api/v1/devices/dev-" + vehicle, body);
  }

  private JsonNode awaitOnBoard(String vehicle) throws InterruptedException {
    return api.await(
        "vehicle " + vehicle + " on the board",
        () -> {
          for (JsonNode p : api.dispatchGet("/api/v1/board/positions")) {
            if (vehicle.equals(p.path("vehicleId").asText())) {
              return p;
            }
          }
          return null;
        },
        p -> p != null);
  }

  private int status(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Socket connect(int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(20_000);
    return socket;
  }

  private String exchangeOnNewConnection(String line) {
    try (Socket socket = connect(center.wialonPort)) {
      return exchange(socket, socket.getInputStream(), line);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends one Wialon line and reads one answer line (without CR LF). */
  private static String exchange(Socket socket, InputStream in, String line) {
    try {
      socket.getOutputStream().write(WialonDeviceEncoder.toBytes(line));
      socket.getOutputStream().flush();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0 && b != '\n') {
        if (b != '\r') {
          answer.write(b);
        }
      }
      return answer.toString(StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The device side of one EGTS connection. */
  private static final class EgtsTerminal {
    private final Socket socket;
    private final EgtsStreamReader frames;
    private int packetId;
    private int recordNumber;

    EgtsTerminal(Socket socket) throws IOException {
      this.socket = socket;
      this.frames = new EgtsStreamReader(socket.getInputStream(), 65_536);
    }

    /** TERM_IDENTITY; true when the server's SR_RESULT_CODE is EGTS_PC_OK. */
    boolean login(long tid) {
      try {
        write(
            EgtsDeviceEncoder.termIdentity(
                packetId++, recordNumber++, EgtsDeviceEncoder.identity(tid, null)));
        while (true) {
          EgtsPacket p = frames.nextPacket();
          if (p.packetType() == EgtsPacketType.APPDATA) {
            write(EgtsResponseEncoder.acknowledge(packetId++, p, EgtsResultCode.OK));
            OptionalInt result = p.authResult();
            if (result.isPresent()) {
              return result.getAsInt() == EgtsResultCode.OK;
            }
          }
        }
      } catch (IOException | EgtsDecodeException e) {
        throw new IllegalStateException("EGTS login failed: " + e.getMessage(), e);
      }
    }

    List<EgtsSubrecord.RecordResponse> send(RawFix fix) throws Exception {
      int pid = packetId++;
      write(EgtsDeviceEncoder.teledata(pid, recordNumber++, null, List.of(fix)));
      while (true) {
        EgtsPacket p = frames.nextPacket();
        if (p.packetType() == EgtsPacketType.RESPONSE) {
          assertEquals(pid, p.responseToPacketId(), "PT_RESPONSE answers our packet id");
          assertEquals(EgtsResultCode.OK, p.processingResult(), "transport result");
          return p.recordResponses();
        }
      }
    }

    private void write(byte[] bytes) throws IOException {
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
    }
  }
}
