package dev.dozor.simulator.protocol.wialon;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.protocol.wialon.WialonAnswer;
import dev.dozor.protocol.wialon.WialonAnswerDecoder;
import dev.dozor.protocol.wialon.WialonData;
import dev.dozor.protocol.wialon.WialonDataStatus;
import dev.dozor.protocol.wialon.WialonDeviceEncoder;
import dev.dozor.protocol.wialon.WialonFormatException;
import dev.dozor.protocol.wialon.WialonLineFramer;
import dev.dozor.protocol.wialon.WialonLoginStatus;
import dev.dozor.protocol.wialon.WialonPacket;
import dev.dozor.protocol.wialon.WialonPacketType;
import dev.dozor.protocol.wialon.WialonVersion;
import dev.dozor.simulator.client.Delivery;
import dev.dozor.simulator.client.FixSender;
import dev.dozor.simulator.client.ReconnectBackoff;
import dev.dozor.simulator.client.RegistrationWait;
import dev.dozor.simulator.client.SendResult;
import dev.dozor.simulator.client.TcpLink;
import dev.dozor.simulator.protocol.HostPort;
import dev.dozor.simulator.protocol.TerminalSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A Wialon IPS 2.0 tracker (with CRC16) on its own TCP connection: logs in lazily with {@code #L#}
 * (IMEI and password), then sends one fix as {@code #D#} (answered {@code #AD#1}) and several as
 * {@code #B#} black boxes of at most {@link TerminalSettings#fixesPerPacket()} messages (answered
 * {@code #AB#n}).
 *
 * <p><b>Assumption:</b> {@code #AB#n} acknowledges the <em>first</em> n messages of the black box.
 * The spec only says how many were accepted; a gateway that stores a black box in order and stops
 * at the first failure answers exactly that, and every message this client writes is well-formed,
 * so a shorter count means "the rest was not stored". The rest stays in the black box.
 *
 * <p>Negative answers ({@code #AD#-1}, {@code #AB#-n}) and checksum errors keep the fixes for a
 * later attempt on the same connection; other data error codes ({@code #AD#0}, 10..15) mean the
 * message is malformed (a simulator bug) and drop it, as HTTP 400 does. {@code #AL#0} / {@code
 * #AL#01} is the gateway not knowing the device yet. A lost connection, a timeout or an unreadable
 * answer closes the connection; it is reopened on a later {@link #send} after a backoff.
 */
public final class WialonTerminalClient implements FixSender {
  private static final WialonVersion VERSION = WialonVersion.V2_0;
  private static final int MAX_ANSWER_BYTES = 256;
  private static final Pattern NEGATIVE_BLACK_BOX = Pattern.compile("#AB#-\\d{1,9}");

  private final HostPort gateway;
  private final String imei;
  private final String password;
  private final TerminalSettings settings;
  private final Function<TelemetryPoint, WialonData> encoder;
  private final TcpLink link;
  private final ReconnectBackoff backoff;
  private final RegistrationWait registration;
  private final WialonLineFramer lines = new WialonLineFramer(MAX_ANSWER_BYTES);
  private final byte[] buffer = new byte[MAX_ANSWER_BYTES];
  private int buffered;
  private String lastFailure = "";

  /** A tracker reporting {@link WialonFixEncoder#toData} as {@code imei} with {@code password}. */
  public WialonTerminalClient(
      HostPort gateway, String imei, String password, TerminalSettings settings) {
    this(gateway, imei, password, settings, WialonFixEncoder::toData);
  }

  public WialonTerminalClient(
      HostPort gateway,
      String imei,
      String password,
      TerminalSettings settings,
      Function<TelemetryPoint, WialonData> encoder) {
    this.gateway = gateway;
    this.imei = imei;
    this.password = password;
    this.settings = settings;
    this.encoder = encoder;
    this.link = new TcpLink(gateway.host(), gateway.port(), settings.connectTimeout());
    this.backoff = new ReconnectBackoff(settings.initialBackoff(), settings.maxBackoff());
    this.registration = new RegistrationWait(settings.authWait());
  }

  @Override
  public String endpoint() {
    return "wialon://" + gateway;
  }

  /**
   * Sends {@code points} ({@code #D#} for one, black boxes for more) and reports which were
   * acknowledged; stops at the first packet not fully acknowledged.
   *
   * @throws dev.dozor.simulator.client.SimulatorException when the gateway refused the login for
   *     longer than {@link TerminalSettings#authWait()}
   */
  @Override
  public synchronized Delivery send(List<TelemetryPoint> points) {
    BitSet acked = new BitSet(points.size());
    BitSet rejected = new BitSet(points.size());
    if (points.isEmpty()) {
      return result(acked, rejected, SendResult.Outcome.ACCEPTED, 0, "");
    }
    if (!link.isOpen() && !backoff.ready()) {
      return result(
          acked,
          rejected,
          SendResult.Outcome.UNAVAILABLE,
          0,
          lastFailure + "; reconnecting in " + Math.max(1, backoff.remaining().toMillis()) + " ms");
    }
    try {
      if (!link.isOpen()) {
        WialonLoginStatus login = login();
        if (login != WialonLoginStatus.OK) {
          link.close();
          String refusal =
              "Wialon IPS tracker "
                  + imei
                  + " at "
                  + endpoint()
                  + " is refused with #AL#"
                  + login.wire();
          if (login == WialonLoginStatus.CHECKSUM_ERROR) {
            throw new IOException(refusal + " (checksum error)");
          }
          registration.refused(refusal);
          return result(
              acked, rejected, SendResult.Outcome.UNAVAILABLE, SendResult.UNKNOWN_DEVICE, refusal);
        }
        registration.accepted();
      }
      if (points.size() == 1) {
        return sendOne(points.get(0), acked, rejected);
      }
      for (int from = 0; from < points.size(); from += settings.fixesPerPacket()) {
        int to = Math.min(points.size(), from + settings.fixesPerPacket());
        int accepted = sendBlackBox(points.subList(from, to));
        if (accepted < 0) {
          return result(
              acked,
              rejected,
              SendResult.Outcome.UNAVAILABLE,
              0,
              endpoint()
                  + " answered a black box with "
                  + (accepted == -1 ? "#AB#" : "a negative count"));
        }
        acked.set(from, from + Math.min(accepted, to - from));
        if (accepted < to - from) {
          return result(
              acked,
              rejected,
              SendResult.Outcome.UNAVAILABLE,
              0,
              endpoint() + " accepted " + accepted + " of " + (to - from) + " black-box messages");
        }
      }
      backoff.succeeded();
      return result(acked, rejected, SendResult.Outcome.ACCEPTED, 0, "");
    } catch (IOException | WialonFormatException e) {
      link.close();
      backoff.failed();
      lastFailure =
          endpoint()
              + ": "
              + (e instanceof IOException io
                  ? TcpLink.describe(io)
                  : "bad answer: " + e.getMessage());
      return result(acked, rejected, SendResult.Outcome.UNAVAILABLE, 0, lastFailure);
    }
  }

  /** Closes the connection; the next {@link #send} logs in again. */
  @Override
  public synchronized void close() {
    link.close();
  }

  private WialonLoginStatus login() throws IOException {
    link.open();
    buffered = 0;
    link.write(WialonDeviceEncoder.toBytes(WialonDeviceEncoder.login(VERSION, imei, password)));
    long deadline = deadline();
    while (true) {
      if (WialonAnswerDecoder.decode(readLine(deadline)) instanceof WialonAnswer.Login login) {
        return login.status();
      }
    }
  }

  private Delivery sendOne(TelemetryPoint point, BitSet acked, BitSet rejected) throws IOException {
    link.write(
        WialonDeviceEncoder.toBytes(WialonDeviceEncoder.data(VERSION, encoder.apply(point))));
    long deadline = deadline();
    WialonDataStatus status;
    while (true) {
      if (WialonAnswerDecoder.decode(readLine(deadline)) instanceof WialonAnswer.Data data) {
        status = data.status();
        break;
      }
    }
    String code = status.wireCode(WialonPacketType.DATA).orElse("?");
    switch (status) {
      case ACCEPTED -> {
        acked.set(0);
        backoff.succeeded();
        return result(acked, rejected, SendResult.Outcome.ACCEPTED, 0, "");
      }
      case STRUCTURE_ERROR, CHECKSUM_ERROR -> {
        return result(
            acked,
            rejected,
            SendResult.Outcome.UNAVAILABLE,
            0,
            endpoint() + " answered #AD#" + code + "; the fix is kept");
      }
      default -> {
        rejected.set(0);
        return result(
            acked,
            rejected,
            SendResult.Outcome.REJECTED,
            0,
            endpoint() + " refused the message with #AD#" + code + " (" + status + ")");
      }
    }
  }

  /**
   * Sends one black box.
   *
   * @return the count of {@code #AB#n}, -1 for {@code #AB#} (checksum error), -2 for a negative
   *     count
   */
  private int sendBlackBox(List<TelemetryPoint> chunk) throws IOException {
    List<WialonPacket.Data> messages = new ArrayList<>(chunk.size());
    for (TelemetryPoint p : chunk) {
      messages.add(new WialonPacket.Data(encoder.apply(p)));
    }
    link.write(WialonDeviceEncoder.toBytes(WialonDeviceEncoder.blackBox(VERSION, messages)));
    long deadline = deadline();
    while (true) {
      String line = readLine(deadline);
      if (NEGATIVE_BLACK_BOX.matcher(line).matches()) {
        return -2;
      }
      if (WialonAnswerDecoder.decode(line) instanceof WialonAnswer.BlackBox box) {
        return box.isChecksumError() ? -1 : box.accepted();
      }
    }
  }

  private String readLine(long deadline) throws IOException {
    while (true) {
      WialonLineFramer.Frame frame = lines.next(buffer, 0, buffered);
      if (frame instanceof WialonLineFramer.Line line) {
        String text = new String(buffer, 0, line.lineLength(), StandardCharsets.US_ASCII);
        System.arraycopy(buffer, line.frameLength(), buffer, 0, buffered - line.frameLength());
        buffered -= line.frameLength();
        return text;
      }
      if (frame instanceof WialonLineFramer.TooLong) {
        throw new IOException(
            "an answer longer than " + MAX_ANSWER_BYTES + " bytes: " + preview(buffer, buffered));
      }
      buffered += link.read(buffer, buffered, buffer.length - buffered, deadline);
    }
  }

  private static String preview(byte[] bytes, int length) {
    return new String(Arrays.copyOf(bytes, Math.min(length, 32)), StandardCharsets.US_ASCII);
  }

  private long deadline() {
    return System.nanoTime() + settings.answerTimeout().toNanos();
  }

  private static Delivery result(
      BitSet acked, BitSet rejected, SendResult.Outcome outcome, int status, String detail) {
    return new Delivery(
        acked, rejected, new SendResult(outcome, status, acked.cardinality(), 1, detail));
  }
}
