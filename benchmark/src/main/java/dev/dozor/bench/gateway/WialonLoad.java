package dev.dozor.bench.gateway;

import dev.dozor.protocol.wialon.WialonAnswer;
import dev.dozor.protocol.wialon.WialonAnswerDecoder;
import dev.dozor.protocol.wialon.WialonData;
import dev.dozor.protocol.wialon.WialonDeviceEncoder;
import dev.dozor.protocol.wialon.WialonLoginStatus;
import dev.dozor.protocol.wialon.WialonPacket;
import dev.dozor.protocol.wialon.WialonParam;
import dev.dozor.protocol.wialon.WialonVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Wialon IPS 2.0 trackers, one TCP connection each: {@code #L#}, then black boxes ({@code #B#}) of
 * {@code messagesPerPacket} {@code #D#} messages, one at a time, counting the messages the gateway
 * answered in {@code #AB#n}.
 */
final class WialonLoad extends TcpDeviceLoad {
  private final int messagesPerPacket;

  WialonLoad(String host, int port, int trackers, int messagesPerPacket) {
    super(host, port, trackers);
    this.messagesPerPacket = messagesPerPacket;
  }

  @Override
  public String protocol() {
    return "wialon-ips";
  }

  @Override
  public String unit() {
    return "messages";
  }

  @Override
  Conversation open(int index, Socket socket) throws IOException {
    return new Tracker(index, socket);
  }

  private final class Tracker implements Conversation {
    private final String imei;
    private final BufferedReader in;
    private final OutputStream out;
    private final double lat;
    private double lon = 37.60;

    Tracker(int index, Socket socket) throws IOException {
      this.imei = BenchDevices.wialonImei(index);
      this.in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      this.out = socket.getOutputStream();
      this.lat = 55.80 + (index % 500) * 0.0005;
    }

    @Override
    public boolean login() throws IOException {
      WialonAnswer answer = call(WialonDeviceEncoder.login(WialonVersion.V2_0, imei, "NA"));
      if (answer instanceof WialonAnswer.Login l && l.status() == WialonLoginStatus.OK) {
        return true;
      }
      fail("login answered " + answer);
      return false;
    }

    @Override
    public void round() throws IOException {
      // a message per second ending 20 s ago: always inside the gateway's plausible window
      long fixMillis = System.currentTimeMillis() - 20_000 - messagesPerPacket * 1000L;
      List<WialonPacket.Data> messages = new ArrayList<>(messagesPerPacket);
      for (int i = 0; i < messagesPerPacket; i++) {
        lon += 0.00002;
        WialonData data =
            WialonData.position(
                    Instant.ofEpochMilli(fixMillis += 1000), lat, lon, 35.0, 90.0, 150.0, 9)
                .withExtended(
                    0.9, 1L, 0L, List.of(512.0), null, List.of(new WialonParam.IntParam("pwr", 1)));
        messages.add(new WialonPacket.Data(data));
      }
      WialonAnswer answer = call(WialonDeviceEncoder.blackBox(WialonVersion.V2_0, messages));
      if (answer instanceof WialonAnswer.BlackBox b && b.accepted() != null) {
        acked(b.accepted());
        if (b.accepted() < messagesPerPacket) {
          fail("#AB# acknowledged fewer messages than sent");
        }
      } else {
        fail("black box answered " + answer);
      }
    }

    private WialonAnswer call(String line) throws IOException {
      out.write(WialonDeviceEncoder.toBytes(line));
      out.flush();
      String answer = in.readLine();
      if (answer == null) {
        throw new IOException("the gateway closed the connection");
      }
      return WialonAnswerDecoder.decode(answer);
    }
  }
}
