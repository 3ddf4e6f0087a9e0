package dev.dozor.gateway.wialon;

import dev.dozor.events.DeviceRecord;
import dev.dozor.events.TokenHash;
import dev.dozor.gateway.ingest.DeviceLookup;
import dev.dozor.gateway.ingest.FixIngestResult;
import dev.dozor.gateway.ingest.FixIngestService;
import dev.dozor.gateway.stats.GatewayStats;
import dev.dozor.gateway.tcp.FrameBuffer;
import dev.dozor.gateway.tcp.TcpConnection;
import dev.dozor.gateway.tcp.TcpProtocolException;
import dev.dozor.gateway.tcp.TcpSession;
import dev.dozor.protocol.RawFix;
import dev.dozor.protocol.wialon.WialonAnswer;
import dev.dozor.protocol.wialon.WialonAnswerEncoder;
import dev.dozor.protocol.wialon.WialonDecodeResult;
import dev.dozor.protocol.wialon.WialonFixMapper;
import dev.dozor.protocol.wialon.WialonLineFramer;
import dev.dozor.protocol.wialon.WialonLoginStatus;
import dev.dozor.protocol.wialon.WialonPacket;
import dev.dozor.protocol.wialon.WialonPacketDecoder;
import dev.dozor.protocol.wialon.WialonPacketType;
import dev.dozor.protocol.wialon.WialonVersion;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * One Wialon IPS 1.1 / 2.0 conversation: login, then SD / D / B / P packets, one per line.
 *
 * <p>Decisions (the spec leaves them open):
 *
 * <ul>
 *   <li><b>Login.</b> Unknown IMEI, a device bound to no vehicle, and an unknown IMEI while the
 *       registry is still loading after a start are all answered {@code #AL#0} and closed (Wialon
 *       has no "try later" code; trackers reconnect and log in again on their own). A device with a
 *       password hash needs that password ({@code #AL#01} and closed otherwise, also for NA); a
 *       device without a hash accepts any password. A login with a bad CRC gets {@code #AL#10} and
 *       the connection stays open for the retry.
 *   <li><b>Data before a successful login</b> is not answered: the connection is closed at once. A
 *       structure-error answer would tell the tracker its message is broken and make it drop it;
 *       without an answer it keeps the message, reconnects, logs in and sends it again.
 *   <li><b>Storage unavailable</b> (Kafka did not acknowledge) or a device removed or unbound
 *       during the session: no answer, the connection is closed after the answers queued before it.
 *       Wialon has no "retry later" code, and every negative code invites the tracker to drop the
 *       message; an unanswered packet stays in its black box and is resent after reconnecting.
 *   <li><b>Lines without a packet header</b> (or of types M, I, ...) are counted as malformed and
 *       not answered; the connection is closed after {@code max-unrecognized-lines} of them.
 * </ul>
 *
 * <p>Every answer goes through the connection's ordered chain, so a ping or an error answer never
 * overtakes an acknowledgement still waiting for Kafka.
 */
final class WialonSession implements TcpSession {
  private static final Logger LOG = Logger.getLogger(WialonSession.class);
  private static final String PROTOCOL = DeviceRecord.WIALON_IPS;

  private final TcpConnection connection;
  private final FixIngestService ingest;
  private final GatewayStats stats;
  private final Clock clock;
  private final int maxUnrecognizedLines;
  private final FrameBuffer frames;
  private final WialonLineFramer framer;

  private DeviceRecord device;
  private String imei;
  private WialonVersion version = WialonVersion.V1_1;
  private int unrecognizedLines;
  private boolean closing;

  WialonSession(
      TcpConnection connection,
      FixIngestService ingest,
      GatewayStats stats,
      Clock clock,
      int maxUnrecognizedLines) {
    this.connection = connection;
    this.ingest = ingest;
    this.stats = stats;
    this.clock = clock;
    this.maxUnrecognizedLines = maxUnrecognizedLines;
    int maxFrameBytes = connection.settings().maxFrameBytes();
    this.frames = new FrameBuffer(maxFrameBytes);
    this.framer = new WialonLineFramer(maxFrameBytes);
  }

  @Override
  public void onBytes(Buffer data) {
    if (closing) {
      return;
    }
    frames.append(data);
    byte[] bytes = frames.view().getBytes();
    int offset = 0;
    while (!closing && offset < bytes.length) {
      WialonLineFramer.Frame frame = framer.next(bytes, offset, bytes.length - offset);
      if (frame instanceof WialonLineFramer.Line line) {
        handle(WialonPacketDecoder.decode(bytes, offset, line.lineLength(), version));
        offset += line.frameLength();
      } else if (frame instanceof WialonLineFramer.TooLong tooLong) {
        throw new TcpProtocolException(
            "no line end within " + tooLong.maxLineLength() + " bytes (max-frame-bytes)");
      } else {
        break;
      }
    }
    if (!closing) {
      frames.consume(offset);
    }
  }

  private void handle(WialonDecodeResult result) {
    if (result instanceof WialonDecodeResult.Decoded decoded) {
      handle(decoded.packet());
    } else if (result instanceof WialonDecodeResult.Rejected rejected) {
      rejected(rejected);
    } else if (result instanceof WialonDecodeResult.Unrecognized unrecognized) {
      unrecognized(unrecognized.reason());
    }
  }

  private void handle(WialonPacket packet) {
    if (packet instanceof WialonPacket.Login login) {
      login(login);
    } else if (packet instanceof WialonPacket.Ping) {
      answer(new WialonAnswer.Ping());
    } else if (packet instanceof WialonPacket.DataMessage message) {
      dataMessage(message);
    } else if (packet instanceof WialonPacket.BlackBox blackBox) {
      blackBox(blackBox);
    }
  }

  private void login(WialonPacket.Login login) {
    device = null;
    imei = login.imei();
    DeviceLookup lookup = ingest.lookup(PROTOCOL, login.imei());
    if (lookup instanceof DeviceLookup.Found found) {
      DeviceRecord d = found.device();
      if (!passwordMatches(d, login.password())) {
        LOG.infof(
            "[%s] refused login of IMEI %s (device %s): wrong password",
            connection.id(), login.imei(), d.id());
        answerAndClose(new WialonAnswer.Login(WialonLoginStatus.PASSWORD_ERROR));
      } else if (d.vehicleId() == null || d.vehicleId().isBlank()) {
        LOG.infof(
            "[%s] refused login of IMEI %s: device %s is not bound to a vehicle",
            connection.id(), login.imei(), d.id());
        answerAndClose(new WialonAnswer.Login(WialonLoginStatus.REJECTED));
      } else {
        device = d;
        version = login.version();
        connection.identify("device " + d.id() + " (vehicle " + d.vehicleId() + ")");
        answer(new WialonAnswer.Login(WialonLoginStatus.OK));
      }
    } else {
      // Unknown (logged and counted by the lookup) or RegistryLoading: the tracker reconnects
      // later.
      answerAndClose(new WialonAnswer.Login(WialonLoginStatus.REJECTED));
    }
  }

  /** A device without a password hash accepts any password (trackers often send a default). */
  static boolean passwordMatches(DeviceRecord device, String password) {
    String expected = device.tokenSha256();
    if (expected == null || expected.isBlank()) {
      return true;
    }
    if (password == null) {
      return false;
    }
    return MessageDigest.isEqual(
        TokenHash.sha256Hex(password).getBytes(StandardCharsets.US_ASCII),
        expected.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }

  private void dataMessage(WialonPacket.DataMessage message) {
    DeviceRecord current = currentDevice(message.type());
    if (current == null) {
      return;
    }
    RawFix fix = WialonFixMapper.toFix(message, clock.instant());
    publish(current, List.of(fix), 1, WialonAnswer.acceptedFor(message));
  }

  private void blackBox(WialonPacket.BlackBox blackBox) {
    DeviceRecord current = currentDevice(blackBox.type());
    if (current == null) {
      return;
    }
    int refused = blackBox.entries().size() - blackBox.acceptedCount();
    if (refused > 0) {
      stats.malformed(PROTOCOL);
      LOG.infof(
          "[%s] refused %d of %d black-box messages of device %s; first: %s",
          connection.id(),
          refused,
          blackBox.entries().size(),
          current.id(),
          blackBox.entries().stream()
              .filter(WialonPacket.BlackBox.Refused.class::isInstance)
              .map(e -> ((WialonPacket.BlackBox.Refused) e).reason())
              .findFirst()
              .orElse(""));
    }
    WialonAnswer answer = WialonAnswer.acceptedFor(blackBox);
    if (blackBox.acceptedCount() == 0) {
      answer(answer);
      return;
    }
    publish(
        current,
        WialonFixMapper.toFixes(blackBox, clock.instant()),
        blackBox.entries().size(),
        answer);
  }

  private void publish(DeviceRecord current, List<RawFix> fixes, int records, WialonAnswer ok) {
    Buffer okBytes = Buffer.buffer(WialonAnswerEncoder.encodeBytes(ok));
    Uni<Buffer> answer =
        ingest
            .ingest(PROTOCOL, current, fixes)
            .map(
                result -> {
                  if (result instanceof FixIngestResult.Accepted) {
                    return okBytes;
                  }
                  // No answer: the tracker keeps the records and resends them after reconnecting.
                  throw new NotStoredException(current, result);
                });
    connection.reply(records, answer);
  }

  /**
   * The logged-in device as the registry knows it now (a rebinding or profile change applies at
   * once); null, with the connection closing, before a login or when the device was removed.
   */
  private DeviceRecord currentDevice(WialonPacketType type) {
    if (device == null) {
      stats.malformed(PROTOCOL);
      LOG.infof(
          "[%s] closing: %s packet before a successful login (not answered, so the tracker"
              + " keeps it)",
          connection.id(), type.wire());
      close();
      return null;
    }
    DeviceLookup lookup = ingest.lookup(PROTOCOL, imei);
    if (lookup instanceof DeviceLookup.Found found && found.device().id().equals(device.id())) {
      device = found.device();
      return device;
    }
    LOG.infof(
        "[%s] closing: device %s (IMEI %s) is no longer registered with this IMEI",
        connection.id(), device.id(), imei);
    close();
    return null;
  }

  private void rejected(WialonDecodeResult.Rejected rejected) {
    stats.malformed(PROTOCOL);
    if (rejected.type() == WialonPacketType.LOGIN) {
      LOG.infof("[%s] refused login: %s", connection.id(), rejected.reason());
      device = null;
      WialonAnswer.Login answer = (WialonAnswer.Login) rejected.answer();
      if (answer.status() == WialonLoginStatus.CHECKSUM_ERROR) {
        answer(answer); // the tracker may send the login again on this connection
      } else {
        answerAndClose(answer);
      }
      return;
    }
    if (device == null && rejected.type() != WialonPacketType.PING) {
      LOG.infof(
          "[%s] closing: %s packet before a successful login", connection.id(), rejected.type());
      close();
      return;
    }
    LOG.infof(
        "[%s] refused %s packet of device %s: %s (answered %s)",
        connection.id(),
        rejected.type().wire(),
        device == null ? "?" : device.id(),
        rejected.reason(),
        WialonAnswerEncoder.encode(rejected.answer()).trim());
    answer(rejected.answer());
  }

  private void unrecognized(String reason) {
    stats.malformed(PROTOCOL);
    unrecognizedLines++;
    if (unrecognizedLines >= maxUnrecognizedLines) {
      LOG.infof(
          "[%s] closing: %d lines that are no Wialon packet; last: %s",
          connection.id(), unrecognizedLines, reason);
      close();
    } else {
      LOG.debugf("[%s] ignored a line: %s", connection.id(), reason);
    }
  }

  private void answer(WialonAnswer answer) {
    connection.write(Buffer.buffer(WialonAnswerEncoder.encodeBytes(answer)));
  }

  private void answerAndClose(WialonAnswer answer) {
    answer(answer);
    close();
  }

  private void close() {
    closing = true;
    connection.close();
  }

  /** Fails an answer so the connection closes without it (see the class comment). */
  static final class NotStoredException extends RuntimeException {
    NotStoredException(DeviceRecord device, FixIngestResult result) {
      super(
          "records of device "
              + device.id()
              + " not stored: "
              + (result instanceof FixIngestResult.StorageUnavailable unavailable
                  ? "Kafka did not acknowledge (" + unavailable.cause() + ")"
                  : "device not bound to a vehicle"),
          null,
          false,
          false);
    }
  }
}
