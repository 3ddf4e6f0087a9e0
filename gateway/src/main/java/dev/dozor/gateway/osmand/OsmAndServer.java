package dev.dozor.gateway.osmand;

import dev.dozor.events.DeviceRecord;
import dev.dozor.gateway.ingest.DeviceLookup;
import dev.dozor.gateway.ingest.FixIngestResult;
import dev.dozor.gateway.ingest.FixIngestService;
import dev.dozor.gateway.publish.PublishConfig;
import dev.dozor.gateway.stats.GatewayStats;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The OsmAnd HTTP endpoint on its own port (any path, GET or POST). Answers:
 *
 * <ul>
 *   <li>200, empty body: Kafka acknowledged every plausible fix (implausible ones are dropped and
 *       counted; resending them would not help)
 *   <li>400, one text line naming the parameter: the request cannot be decoded
 *   <li>403: the device is registered but bound to no vehicle
 *   <li>404: no {@code osmand} device has this id (register it with {@code terminalId} = the id)
 *   <li>405: another method; 413: body larger than {@code max-body-bytes}
 *   <li>503 + {@code Retry-After}: Kafka did not acknowledge, or the registry is still loading
 * </ul>
 *
 * Decoding and the registry lookup run on the event loop; publishing runs on a worker (see {@link
 * FixIngestService}); the answer is written back on the request's context.
 */
@ApplicationScoped
public class OsmAndServer {
  private static final Logger LOG = Logger.getLogger(OsmAndServer.class);

  /** How much of a refused body is read and dropped before the connection is closed instead. */
  static final long DRAIN_LIMIT_BYTES = 1 << 20;

  private static final String PROTOCOL = DeviceRecord.OSMAND;
  private static final long START_TIMEOUT_SECONDS = 10;

  private final Vertx vertx;
  private final OsmAndConfig config;
  private final FixIngestService ingest;
  private final GatewayStats stats;
  private final int retryAfterSeconds;
  private final String host;
  private volatile HttpServer server;

  public OsmAndServer(
      Vertx vertx,
      OsmAndConfig config,
      FixIngestService ingest,
      GatewayStats stats,
      PublishConfig publish,
      @ConfigProperty(name = "quarkus.http.host") String host) {
    this.vertx = vertx;
    this.config = config;
    this.ingest = ingest;
    this.stats = stats;
    this.retryAfterSeconds = publish.retryAfterSeconds();
    this.host = host;
  }

  void onStart(@Observes StartupEvent event) throws Exception {
    if (!config.enabled()) {
      LOG.info("OsmAnd server disabled by configuration");
      return;
    }
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(host)
            .setPort(config.port())
            // trackers speak HTTP/1.1; no h2c upgrade path to maintain or attack
            .setHttp2ClearTextEnabled(false)
            .setIdleTimeout((int) config.idleTimeout().toMillis())
            .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    server =
        vertx
            .createHttpServer(options)
            .requestHandler(this::handle)
            .listen()
            .toCompletionStage()
            .toCompletableFuture()
            .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    LOG.infof("OsmAnd server listening on %s:%d", host, server.actualPort());
  }

  void onStop(@Observes ShutdownEvent event) throws Exception {
    HttpServer s = server;
    if (s != null) {
      s.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
  }

  /** The bound port (the real one when configured as 0), or -1 when the server does not run. */
  public int port() {
    HttpServer s = server;
    return s == null ? -1 : s.actualPort();
  }

  private void handle(HttpServerRequest request) {
    if (request.method() != HttpMethod.GET && request.method() != HttpMethod.POST) {
      request.response().putHeader(HttpHeaders.ALLOW, "GET, POST");
      answer(request, 405, "use GET or POST");
      return;
    }
    int max = config.maxBodyBytes();
    if (declaredLength(request) > max) {
      tooLarge(request, max);
      return;
    }
    Buffer body = Buffer.buffer();
    boolean[] refused = {false};
    request.handler(
        chunk -> {
          if (refused[0]) {
            return;
          }
          if (body.length() + chunk.length() > max) {
            refused[0] = true;
            tooLarge(request, max);
          } else {
            body.appendBuffer(chunk);
          }
        });
    request.exceptionHandler(e -> LOG.debugf("OsmAnd request failed: %s", e.toString()));
    request.endHandler(
        v -> {
          if (!refused[0]) {
            process(request, body);
          }
        });
  }

  private void process(HttpServerRequest request, Buffer body) {
    OsmAndMessage message;
    try {
      message = decode(request, body);
    } catch (OsmAndFormatException e) {
      stats.malformed(PROTOCOL);
      LOG.infof("refused OsmAnd request from %s: %s", remote(request), e.getMessage());
      answer(request, 400, e.getMessage());
      return;
    }
    DeviceLookup lookup = ingest.lookup(PROTOCOL, message.terminalId());
    if (lookup instanceof DeviceLookup.Unknown) {
      answer(request, 404, "unknown device id " + OsmAndDecoder.quote(message.terminalId()));
      return;
    }
    if (lookup instanceof DeviceLookup.RegistryLoading) {
      request.response().putHeader(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
      answer(request, 503, "the gateway is still loading the device registry; retry");
      return;
    }
    DeviceRecord device = ((DeviceLookup.Found) lookup).device();
    Context context = Vertx.currentContext();
    ingest
        .ingest(PROTOCOL, device, message.fixes())
        .subscribe()
        .with(
            result -> context.runOnContext(v -> answer(request, device, result)),
            failure ->
                context.runOnContext(
                    v -> {
                      LOG.errorf(failure, "OsmAnd ingestion of device %s failed", device.id());
                      answer(request, 500, "internal error; retry later");
                    }));
  }

  private void answer(HttpServerRequest request, DeviceRecord device, FixIngestResult result) {
    if (result instanceof FixIngestResult.Accepted) {
      answer(request, 200, null);
    } else if (result instanceof FixIngestResult.DeviceNotBound) {
      answer(request, 403, "device " + device.id() + " is not bound to a vehicle");
    } else {
      request.response().putHeader(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
      answer(request, 503, "storage unavailable; keep the positions and retry");
    }
  }

  /** JSON when declared so or when the body looks like it; otherwise query plus form params. */
  private static OsmAndMessage decode(HttpServerRequest request, Buffer body) {
    String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if ((contentType != null && contentType.toLowerCase().contains("json")) || startsJson(body)) {
      return OsmAndJsonDecoder.fromJson(body.getBytes());
    }
    Map<String, List<String>> params;
    try {
      params = new LinkedHashMap<>(new QueryStringDecoder(request.uri()).parameters());
      if (body.length() > 0) {
        new QueryStringDecoder(body.toString(StandardCharsets.UTF_8), false)
            .parameters()
            .forEach(params::putIfAbsent);
      }
    } catch (IllegalArgumentException e) {
      throw new OsmAndFormatException("query", "malformed query or form: " + e.getMessage());
    }
    return OsmAndDecoder.fromParams(params);
  }

  /** The Content-Length header, 0 when absent (chunked bodies are counted while read). */
  private static long declaredLength(HttpServerRequest request) {
    String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    try {
      return declared == null ? 0 : Long.parseLong(declared.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static boolean startsJson(Buffer body) {
    for (int i = 0; i < body.length(); i++) {
      byte b = body.getByte(i);
      if (!Character.isWhitespace(b)) {
        return b == '{' || b == '[';
      }
    }
    return false;
  }

  /**
   * Answers 413 at once, then reads and drops the rest of the body before the connection is reused.
   * Closing it at once would leave the client's unread bytes in our receive buffer, and the kernel
   * then resets the connection: a client still sending could lose the 413 before it read it. A body
   * that goes on past {@link #DRAIN_LIMIT_BYTES} closes the connection.
   */
  private void tooLarge(HttpServerRequest request, int max) {
    stats.malformed(PROTOCOL);
    LOG.infof("refused OsmAnd request from %s: body over %d bytes", remote(request), max);
    answer(request, 413, "body larger than " + max + " bytes");
    long[] dropped = {0};
    request.handler(
        chunk -> {
          dropped[0] += chunk.length();
          if (dropped[0] > DRAIN_LIMIT_BYTES) {
            request.connection().close();
          }
        });
    request.endHandler(v -> {});
  }

  private static void answer(HttpServerRequest request, int status, String text) {
    HttpServerResponse response = request.response();
    if (response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(status);
    if (text == null) {
      response.end();
    } else {
      response.putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8").end(text + "\n");
    }
  }

  private static String remote(HttpServerRequest request) {
    return request.remoteAddress() == null ? "?" : request.remoteAddress().toString();
  }
}
