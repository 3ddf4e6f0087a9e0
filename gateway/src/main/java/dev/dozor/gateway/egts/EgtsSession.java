package dev.dozor.gateway.egts;

import dev.dozor.events.DeviceRecord;
import dev.dozor.gateway.ingest.DeviceLookup;
import dev.dozor.gateway.ingest.FixIngestService;
import dev.dozor.gateway.registry.DeviceRegistry;
import dev.dozor.gateway.stats.GatewayStats;
import dev.dozor.gateway.tcp.FrameBuffer;
import dev.dozor.gateway.tcp.TcpConnection;
import dev.dozor.gateway.tcp.TcpProtocolException;
import dev.dozor.gateway.tcp.TcpSession;
import dev.dozor.protocol.RawFix;
import dev.dozor.protocol.egts.EgtsDecodeException;
import dev.dozor.protocol.egts.EgtsFrameDecoder;
import dev.dozor.protocol.egts.EgtsFrameStatus;
import dev.dozor.protocol.egts.EgtsPacket;
import dev.dozor.protocol.egts.EgtsPacketDecoder;
import dev.dozor.protocol.egts.EgtsPacketType;
import dev.dozor.protocol.egts.EgtsRecord;
import dev.dozor.protocol.egts.EgtsResponseEncoder;
import dev.dozor.protocol.egts.EgtsResponseEncoder.RecordAck;
import dev.dozor.protocol.egts.EgtsResultCode;
import dev.dozor.protocol.egts.EgtsServiceType;
import dev.dozor.protocol.egts.EgtsSubrecord;
import dev.dozor.protocol.egts.EgtsTeledataDecoder;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * One EGTS terminal connection: cuts frames out of the stream, answers every APPDATA packet with
 * one EGTS_PT_RESPONSE (one EGTS_SR_RECORD_RESPONSE per record), authenticates the terminal by its
 * TERM_IDENTITY (TID, then IMEI) and publishes TELEDATA through {@link FixIngestService},
 * acknowledging records EGTS_PC_OK only once Kafka has stored them. Runs on the connection's event
 * loop only (see {@link TcpSession}); never blocks.
 */
final class EgtsSession implements TcpSession {
  private static final Logger LOG = Logger.getLogger(EgtsSession.class);
  private static final String PROTOCOL = DeviceRecord.EGTS;

  private final TcpConnection connection;
  private final FixIngestService ingest;
  private final DeviceRegistry registry;
  private final GatewayStats stats;
  private final FrameBuffer buffer;
  private final EgtsFrameDecoder frames;
  private final int maxFrameBytes;

  private int nextPacketId;
  private int nextRecordNumber;

  /** The terminal id the device was found by; null until authenticated. */
  private String terminalKey;

  private DeviceRecord device;
  private volatile boolean closing;

  EgtsSession(
      TcpConnection connection,
      FixIngestService ingest,
      DeviceRegistry registry,
      GatewayStats stats) {
    this.connection = connection;
    this.ingest = ingest;
    this.registry = registry;
    this.stats = stats;
    // the codec accepts [16, protocol maximum]; the buffer never holds more than one frame's bytes
    this.maxFrameBytes =
        Math.max(
            16,
            Math.min(
                connection.settings().maxFrameBytes(), EgtsFrameDecoder.PROTOCOL_MAX_FRAME_BYTES));
    this.buffer = new FrameBuffer(maxFrameBytes);
    this.frames = new EgtsFrameDecoder(maxFrameBytes);
  }

  @Override
  public void onBytes(Buffer data) {
    // feed at most what fits: leftover after framing is always below one frame's size
    int pos = 0;
    while (pos < data.length() && !closing) {
      int n = Math.min(maxFrameBytes - buffer.length(), data.length() - pos);
      buffer.append(data.slice(pos, pos + n));
      pos += n;
      processFrames();
    }
  }

  private void processFrames() {
    byte[] bytes = buffer.view().getBytes();
    int offset = 0;
    try {
      while (!closing && offset < bytes.length) {
        EgtsFrameStatus status = frames.probe(bytes, offset, bytes.length - offset);
        if (status instanceof EgtsFrameStatus.NeedMore) {
          break;
        }
        if (status instanceof EgtsFrameStatus.Invalid invalid) {
          if (invalid.frameLength() == 0) {
            // the stream is out of step: say why if we can, then give up on the connection
            connection.write(reject(Math.max(invalid.packetId(), 0), invalid.resultCode()));
            closing = true;
            throw new TcpProtocolException(
                "EGTS stream lost ("
                    + EgtsResultCode.name(invalid.resultCode())
                    + "): "
                    + invalid.message());
          }
          malformed(invalid.resultCode(), invalid.message());
          connection.write(reject(Math.max(invalid.packetId(), 0), invalid.resultCode()));
          offset += invalid.frameLength();
          continue;
        }
        EgtsFrameStatus.Complete complete = (EgtsFrameStatus.Complete) status;
        handleFrame(bytes, offset, complete);
        offset += complete.frameLength();
      }
    } finally {
      buffer.consume(Math.min(offset, buffer.length()));
    }
  }

  private void handleFrame(byte[] bytes, int offset, EgtsFrameStatus.Complete complete) {
    EgtsPacket packet;
    try {
      packet = EgtsPacketDecoder.decode(bytes, offset, complete.frameLength());
    } catch (EgtsDecodeException e) {
      malformed(e.resultCode(), e.getMessage());
      connection.write(reject(e.packetId().orElse(complete.packetId()), e.resultCode()));
      return;
    }
    if (packet.packetType() == EgtsPacketType.RESPONSE) {
      // the terminal's acknowledgement of our RESULT_CODE: nothing to answer
      LOG.tracef(
          "[%s] terminal acknowledged packet %d", connection.id(), packet.responseToPacketId());
      return;
    }
    handleAppData(packet);
  }

  /** One PT_RESPONSE per APPDATA packet; TELEDATA of an authenticated terminal goes to Kafka. */
  private void handleAppData(EgtsPacket packet) {
    int responseId = packetId(); // the answer goes out before any RESULT_CODE of this packet
    boolean refuse = device != null && !stillRegistered();
    List<EgtsRecord> records = packet.records();
    int[] statuses = new int[records.size()];
    boolean[] teledata = new boolean[records.size()];
    List<byte[]> followUps = new ArrayList<>();
    List<RawFix> fixes = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      EgtsRecord record = records.get(i);
      int service = record.recipientService();
      if (service == EgtsServiceType.AUTH) {
        EgtsSubrecord.TermIdentity identity = termIdentity(record);
        if (identity == null) {
          statuses[i] = EgtsResultCode.OK; // e.g. a module description: nothing to do with it
          continue;
        }
        int verdict = authenticate(identity);
        statuses[i] = verdict;
        followUps.add(EgtsResponseEncoder.authResult(packetId(), recordNumber(), verdict));
        refuse |= verdict != EgtsResultCode.OK;
      } else if (device == null) {
        statuses[i] = EgtsResultCode.AUTH_DENIED; // before authentication only AUTH is served
      } else if (service == EgtsServiceType.TELEDATA) {
        teledata[i] = true;
        statuses[i] = EgtsResultCode.OK;
        fixes.addAll(EgtsTeledataDecoder.fixes(record));
      } else {
        statuses[i] = EgtsResultCode.SRVC_NFOUND; // e.g. COMMANDS: no such service here
      }
    }
    if (fixes.isEmpty()) {
      connection.reply(
          records.size(), Uni.createFrom().item(response(responseId, packet, statuses)));
    } else {
      CompletionStage<EgtsIngestVerdict> verdict =
          ingest
              .ingest(PROTOCOL, device, fixes)
              .map(EgtsIngestVerdict::of)
              .subscribeAsCompletionStage();
      connection.reply(
          records.size(),
          verdict.thenApply(
              v -> {
                int[] answered = statuses.clone();
                for (int i = 0; i < answered.length; i++) {
                  if (teledata[i]) {
                    answered[i] = v.recordStatus();
                  }
                }
                return response(responseId, packet, answered);
              }));
      // queued after the answer above, so the device learns why before the close
      verdict.thenAccept(
          v -> {
            if (!v.keepConnection()) {
              closing = true;
              connection.close();
            }
          });
    }
    followUps.forEach(bytes -> connection.write(Buffer.buffer(bytes)));
    if (refuse) {
      closing = true;
      connection.close();
    }
  }

  /**
   * Looks the terminal up by TID, then by IMEI. Returns the RESULT_CODE: OK, AUTH_DENIED (unknown,
   * or not bound to a vehicle) or {@link EgtsIngestVerdict#TRY_LATER} (registry still loading).
   */
  private int authenticate(EgtsSubrecord.TermIdentity identity) {
    String tid = Long.toString(identity.terminalId());
    String imei = identity.imei() == null || identity.imei().isBlank() ? null : identity.imei();
    // probe first so that a terminal registered by IMEI is not counted as unknown by its TID
    String key =
        imei != null
                && registry.byTerminal(PROTOCOL, tid).isEmpty()
                && registry.byTerminal(PROTOCOL, imei).isPresent()
            ? imei
            : tid;
    DeviceLookup lookup = ingest.lookup(PROTOCOL, key);
    device = null;
    terminalKey = null;
    if (lookup instanceof DeviceLookup.Found found) {
      DeviceRecord d = found.device();
      if (d.vehicleId() == null || d.vehicleId().isBlank()) {
        LOG.infof(
            "[%s] refused EGTS terminal %s: device %s is not bound to a vehicle",
            connection.id(), key, d.id());
        return EgtsResultCode.AUTH_DENIED;
      }
      device = d;
      terminalKey = key;
      connection.identify("device " + d.id() + " (vehicle " + d.vehicleId() + ")");
      LOG.debugf("[%s] EGTS terminal %s authenticated as device %s", connection.id(), key, d.id());
      return EgtsResultCode.OK;
    }
    if (lookup instanceof DeviceLookup.RegistryLoading) {
      return EgtsIngestVerdict.TRY_LATER;
    }
    return EgtsResultCode.AUTH_DENIED;
  }

  /**
   * Whether the authenticated device still has this terminal id and a vehicle; a registry change
   * (removal, new terminal id, unbinding) takes effect on the next packet, as for the HTTP token.
   */
  private boolean stillRegistered() {
    DeviceRecord now = registry.byTerminal(PROTOCOL, terminalKey).orElse(null);
    if (now != null
        && now.id().equals(device.id())
        && now.vehicleId() != null
        && !now.vehicleId().isBlank()) {
      device = now;
      return true;
    }
    LOG.infof(
        "[%s] EGTS terminal %s lost its registration (device %s); refusing its data and closing",
        connection.id(), terminalKey, device.id());
    device = null;
    terminalKey = null;
    return false;
  }

  private static EgtsSubrecord.TermIdentity termIdentity(EgtsRecord record) {
    for (EgtsSubrecord s : record.subrecords()) {
      if (s instanceof EgtsSubrecord.TermIdentity identity) {
        return identity;
      }
    }
    return null;
  }

  private static Buffer response(int packetId, EgtsPacket packet, int[] statuses) {
    List<RecordAck> acks = new ArrayList<>(statuses.length);
    for (int i = 0; i < statuses.length; i++) {
      acks.add(RecordAck.of(packet.records().get(i), statuses[i]));
    }
    return Buffer.buffer(
        EgtsResponseEncoder.packetResponse(packetId, packet.packetId(), EgtsResultCode.OK, acks));
  }

  private Buffer reject(int responseToPacketId, int code) {
    return Buffer.buffer(EgtsResponseEncoder.reject(packetId(), responseToPacketId, code));
  }

  private void malformed(int code, String message) {
    stats.malformed(PROTOCOL);
    LOG.debugf(
        "[%s] rejected an EGTS packet with %s: %s",
        connection.id(), EgtsResultCode.name(code), message);
  }

  private int packetId() {
    int id = nextPacketId;
    nextPacketId = (nextPacketId + 1) & 0xFFFF;
    return id;
  }

  private int recordNumber() {
    int n = nextRecordNumber;
    nextRecordNumber = (nextRecordNumber + 1) & 0xFFFF;
    return n;
  }
}
