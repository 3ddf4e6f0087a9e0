package dev.dozor.gateway.egts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dozor.events.DeviceRecord;
import dev.dozor.events.RegistryKeys;
import dev.dozor.gateway.KafkaTestSupport;
import dev.dozor.gateway.registry.DeviceRegistry;
import dev.dozor.protocol.egts.Crc16Ccitt;
import dev.dozor.protocol.egts.Crc8;
import dev.dozor.protocol.egts.EgtsDecodeException;
import dev.dozor.protocol.egts.EgtsDeviceEncoder;
import dev.dozor.protocol.egts.EgtsPacket;
import dev.dozor.protocol.egts.EgtsPacketDecoder;
import dev.dozor.protocol.egts.EgtsStreamReader;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.ThreadLocalRandom;

/** A test EGTS terminal on a real socket, plus registry helpers. */
final class EgtsTerminal implements AutoCloseable {
  final Socket socket;
  final EgtsStreamReader reader;

  EgtsTerminal(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(15_000);
    reader = new EgtsStreamReader(socket.getInputStream(), 65_536);
  }

  void send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
  }

  byte[] nextFrame() throws IOException, EgtsDecodeException {
    return reader.nextFrame();
  }

  EgtsPacket nextPacket() throws IOException, EgtsDecodeException {
    return EgtsPacketDecoder.decode(nextFrame());
  }

  /** Sends TERM_IDENTITY and checks the two answers: record OK, then RESULT_CODE 0. */
  void authenticate(long tid) throws Exception {
    send(EgtsDeviceEncoder.termIdentity(1, 1, EgtsDeviceEncoder.identity(tid, null)));
    assertEquals(0, nextPacket().recordResponses().get(0).recordStatus());
    assertEquals(0, nextPacket().authResult().getAsInt());
  }

  /** Fails unless the server closes the connection (EOF or reset, not a read timeout). */
  void assertClosedByServer() throws Exception {
    try {
      byte[] extra = nextFrame();
      fail("expected the server to close, got another frame of " + extra.length + " bytes");
    } catch (SocketTimeoutException e) {
      fail("the server did not close the connection");
    } catch (IOException expected) {
      // closed
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** A random TID (UINT). */
  static long randomTid() {
    return ThreadLocalRandom.current().nextLong(1, 0xFFFF_FFFFL);
  }

  /** Registers an EGTS device and waits until the gateway knows it. */
  static void register(
      DeviceRegistry registry,
      String deviceId,
      String vehicleId,
      String terminalId,
      String profileId)
      throws InterruptedException {
    KafkaTestSupport.publishRegistry(
        RegistryKeys.device(deviceId),
        DeviceRecord.of(deviceId, vehicleId, DeviceRecord.EGTS, null, terminalId, profileId));
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (registry.byTerminal(DeviceRecord.EGTS, terminalId).isEmpty()) {
      assertFalse(System.nanoTime() > deadline, "device " + terminalId + " never registered");
      Thread.sleep(50);
    }
  }

  /** Recomputes HCS and SFRCS of a frame (so that mutations reach the service layer). */
  static void fixChecksums(byte[] frame) {
    if (frame.length < 11) {
      return;
    }
    frame[10] = (byte) Crc8.compute(frame, 0, 10);
    int fdl = (frame[5] & 0xFF) | (frame[6] & 0xFF) << 8;
    if (fdl > 0 && frame.length >= 13 + fdl) {
      int crc = Crc16Ccitt.compute(frame, 11, fdl);
      frame[11 + fdl] = (byte) crc;
      frame[12 + fdl] = (byte) (crc >> 8);
    }
  }
}
