package dev.dozor.simulator.protocol.egts;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.protocol.RawFix;
import dev.dozor.protocol.egts.EgtsDecodeException;
import dev.dozor.protocol.egts.EgtsDeviceEncoder;
import dev.dozor.protocol.egts.EgtsFrameDecoder;
import dev.dozor.protocol.egts.EgtsFrameStatus;
import dev.dozor.protocol.egts.EgtsPacket;
import dev.dozor.protocol.egts.EgtsPacketDecoder;
import dev.dozor.protocol.egts.EgtsPacketType;
import dev.dozor.protocol.egts.EgtsResponseEncoder;
import dev.dozor.protocol.egts.EgtsResultCode;
import dev.dozor.protocol.egts.EgtsSubrecord;
import dev.dozor.simulator.client.Delivery;
import dev.dozor.simulator.client.FixSender;
import dev.dozor.simulator.client.ReconnectBackoff;
import dev.dozor.simulator.client.RegistrationWait;
import dev.dozor.simulator.client.SendResult;
import dev.dozor.simulator.client.TcpLink;
import dev.dozor.simulator.protocol.HostPort;
import dev.dozor.simulator.protocol.TerminalSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;

/**
 * An EGTS terminal (GOST 33472) on its own TCP connection: connects and authenticates lazily
 * (TERM_IDENTITY, then the platform's EGTS_SR_RESULT_CODE, which it acknowledges), then sends fixes
 * as TELEDATA records, at most {@link TerminalSettings#fixesPerPacket()} per packet, one packet at
 * a time, and waits for the EGTS_SR_RECORD_RESPONSE of every record. A record answered with status
 * 0 is acknowledged; any other status, a refused packet or a timeout keeps the fix (and the fixes
 * after it) for a later attempt. A lost connection, a timeout or an undecodable answer closes the
 * connection; it is reopened on a later {@link #send} after a backoff.
 */
public final class EgtsTerminalClient implements FixSender {
  private static final int MAX_FRAME_BYTES = 65_536;
  private static final int NOT_ANSWERED = -1;
  private static final int SEQUENCE_MASK = 0xFFFF;

  private final HostPort gateway;
  private final long terminalId;
  private final TerminalSettings settings;
  private final Function<TelemetryPoint, RawFix> encoder;
  private final TcpLink link;
  private final ReconnectBackoff backoff;
  private final RegistrationWait registration;
  private final EgtsFrameDecoder frames = new EgtsFrameDecoder(MAX_FRAME_BYTES);
  private byte[] buffer = new byte[4096];
  private int buffered;
  private int packetId;
  private int recordNumber;
  private String lastFailure = "";

  /** A terminal reporting {@link EgtsFixEncoder#toRawFix} as TID {@code terminalId}. */
  public EgtsTerminalClient(HostPort gateway, long terminalId, TerminalSettings settings) {
    this(gateway, terminalId, settings, EgtsFixEncoder::toRawFix);
  }

  public EgtsTerminalClient(
      HostPort gateway,
      long terminalId,
      TerminalSettings settings,
      Function<TelemetryPoint, RawFix> encoder) {
    this.gateway = gateway;
    this.terminalId = terminalId;
    this.settings = settings;
    this.encoder = encoder;
    this.link = new TcpLink(gateway.host(), gateway.port(), settings.connectTimeout());
    this.backoff = new ReconnectBackoff(settings.initialBackoff(), settings.maxBackoff());
    this.registration = new RegistrationWait(settings.authWait());
  }

  @Override
  public String endpoint() {
    return "egts://" + gateway;
  }

  /**
   * Sends {@code points} in packets of at most {@link TerminalSettings#fixesPerPacket()} records
   * and reports which were acknowledged; stops at the first packet not fully acknowledged.
   *
   * @throws dev.dozor.simulator.client.SimulatorException when the gateway refused the terminal for
   *     longer than {@link TerminalSettings#authWait()}
   */
  @Override
  public synchronized Delivery send(List<TelemetryPoint> points) {
    BitSet acked = new BitSet(points.size());
    if (points.isEmpty()) {
      return delivered(acked, 0);
    }
    if (!link.isOpen() && !backoff.ready()) {
      return kept(
          acked,
          SendResult.unavailable(
              0,
              lastFailure
                  + "; reconnecting in "
                  + Math.max(1, backoff.remaining().toMillis())
                  + " ms"));
    }
    int chunkStart = 0;
    int[] statuses = new int[0];
    try {
      if (!link.isOpen()) {
        int result = connectAndAuthenticate();
        if (result != EgtsResultCode.OK) {
          link.close();
          String refusal =
              "EGTS terminal "
                  + terminalId
                  + " at "
                  + endpoint()
                  + " is refused with "
                  + EgtsResultCode.name(result);
          registration.refused(refusal);
          return kept(acked, SendResult.unavailable(SendResult.UNKNOWN_DEVICE, refusal));
        }
        registration.accepted();
      }
      for (; chunkStart < points.size(); chunkStart += settings.fixesPerPacket()) {
        List<TelemetryPoint> chunk =
            points.subList(
                chunkStart, Math.min(points.size(), chunkStart + settings.fixesPerPacket()));
        statuses = new int[chunk.size()];
        Arrays.fill(statuses, NOT_ANSWERED);
        int refusal = sendPacket(chunk, statuses);
        int firstBad = apply(statuses, chunkStart, acked);
        if (refusal != EgtsResultCode.OK || firstBad >= 0) {
          int code = refusal != EgtsResultCode.OK ? refusal : statuses[firstBad];
          return kept(
              acked,
              SendResult.unavailable(
                  code,
                  (refusal != EgtsResultCode.OK ? "packet refused with " : "record refused with ")
                      + EgtsResultCode.name(code)
                      + " by "
                      + endpoint()));
        }
        statuses = new int[0];
      }
      backoff.succeeded();
      return delivered(acked, points.size());
    } catch (IOException | EgtsDecodeException e) {
      apply(statuses, chunkStart, acked);
      link.close();
      backoff.failed();
      lastFailure =
          endpoint()
              + ": "
              + (e instanceof IOException io
                  ? TcpLink.describe(io)
                  : "bad answer: " + e.getMessage());
      return kept(acked, SendResult.unavailable(0, lastFailure));
    }
  }

  /** Closes the connection; the next {@link #send} reconnects. */
  @Override
  public synchronized void close() {
    link.close();
  }

  /** Connects, sends TERM_IDENTITY and returns the platform's result code. */
  private int connectAndAuthenticate() throws IOException, EgtsDecodeException {
    link.open();
    buffered = 0;
    int authPacket = nextPacketId();
    link.write(
        EgtsDeviceEncoder.termIdentity(
            authPacket, nextRecordNumber(), EgtsDeviceEncoder.identity(terminalId, null)));
    long deadline = deadline();
    while (true) {
      EgtsPacket p = EgtsPacketDecoder.decode(readFrame(deadline));
      if (p.packetType() == EgtsPacketType.RESPONSE) {
        if (p.responseToPacketId() == authPacket && p.processingResult() != EgtsResultCode.OK) {
          return p.processingResult();
        }
      } else if (p.packetType() == EgtsPacketType.APPDATA) {
        link.write(EgtsResponseEncoder.acknowledge(nextPacketId(), p, EgtsResultCode.OK));
        if (p.authResult().isPresent()) {
          return p.authResult().getAsInt();
        }
      }
    }
  }

  /**
   * Sends one TELEDATA packet and fills {@code statuses} (by position in {@code chunk}) from the
   * record responses until every record is answered.
   *
   * @return {@link EgtsResultCode#OK}, or the PR with which the whole packet was refused
   */
  private int sendPacket(List<TelemetryPoint> chunk, int[] statuses)
      throws IOException, EgtsDecodeException {
    List<RawFix> fixes = new ArrayList<>(chunk.size());
    for (TelemetryPoint p : chunk) {
      fixes.add(encoder.apply(p));
    }
    int pid = nextPacketId();
    int firstRecord = recordNumber;
    recordNumber = (recordNumber + chunk.size()) & SEQUENCE_MASK;
    link.write(EgtsDeviceEncoder.teledata(pid, firstRecord, terminalId, fixes));
    long deadline = deadline();
    int unanswered = chunk.size();
    while (unanswered > 0) {
      EgtsPacket p = EgtsPacketDecoder.decode(readFrame(deadline));
      if (p.packetType() == EgtsPacketType.APPDATA) {
        link.write(EgtsResponseEncoder.acknowledge(nextPacketId(), p, EgtsResultCode.OK));
        continue;
      }
      if (p.packetType() != EgtsPacketType.RESPONSE || p.responseToPacketId() != pid) {
        continue;
      }
      if (p.processingResult() != EgtsResultCode.OK) {
        return p.processingResult();
      }
      for (EgtsSubrecord.RecordResponse rr : p.recordResponses()) {
        int index = (rr.confirmedRecordNumber() - firstRecord) & SEQUENCE_MASK;
        if (index < statuses.length && statuses[index] == NOT_ANSWERED) {
          statuses[index] = rr.recordStatus();
          unanswered--;
        }
      }
    }
    return EgtsResultCode.OK;
  }

  /**
   * Marks every record answered with status 0 as acknowledged (it is in the gateway, even when an
   * earlier one was refused); the others stay in the black box.
   *
   * @return the position of the first record not answered 0, or -1 when all were
   */
  private static int apply(int[] statuses, int offset, BitSet acked) {
    int firstBad = -1;
    for (int i = 0; i < statuses.length; i++) {
      if (statuses[i] == EgtsResultCode.OK) {
        acked.set(offset + i);
      } else if (firstBad < 0) {
        firstBad = i;
      }
    }
    return firstBad;
  }

  private byte[] readFrame(long deadline) throws IOException, EgtsDecodeException {
    while (true) {
      EgtsFrameStatus s = frames.probe(buffer, 0, buffered);
      if (s instanceof EgtsFrameStatus.Complete c) {
        byte[] frame = Arrays.copyOf(buffer, c.frameLength());
        System.arraycopy(buffer, c.frameLength(), buffer, 0, buffered - c.frameLength());
        buffered -= c.frameLength();
        return frame;
      }
      if (s instanceof EgtsFrameStatus.Invalid invalid) {
        throw invalid.toException();
      }
      int need = ((EgtsFrameStatus.NeedMore) s).totalBytes();
      if (need > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(need, buffer.length * 2));
      }
      buffered += link.read(buffer, buffered, buffer.length - buffered, deadline);
    }
  }

  private long deadline() {
    return System.nanoTime() + settings.answerTimeout().toNanos();
  }

  private Delivery delivered(BitSet acked, int count) {
    return new Delivery(
        acked, new BitSet(), new SendResult(SendResult.Outcome.ACCEPTED, 0, count, 1, ""));
  }

  private static Delivery kept(BitSet acked, SendResult result) {
    SendResult withCount =
        new SendResult(result.outcome(), result.status(), acked.cardinality(), 1, result.detail());
    return new Delivery(acked, new BitSet(), withCount);
  }

  private int nextPacketId() {
    int id = packetId;
    packetId = (packetId + 1) & SEQUENCE_MASK;
    return id;
  }

  private int nextRecordNumber() {
    int n = recordNumber;
    recordNumber = (recordNumber + 1) & SEQUENCE_MASK;
    return n;
  }
}
