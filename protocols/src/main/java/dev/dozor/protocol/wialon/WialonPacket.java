package dev.dozor.protocol.wialon;

import java.util.List;
import java.util.Objects;

/** A decoded device packet (spec 1.1 and 2.0, "Packet types"). */
public sealed interface WialonPacket
    permits WialonPacket.Login, WialonPacket.DataMessage, WialonPacket.BlackBox, WialonPacket.Ping {

  /** The packet's type. */
  WialonPacketType type();

  /**
   * {@code #L#imei;password} (1.1) or {@code #L#2.0;imei;password;crc16} (2.0). The connection
   * keeps {@link #version()} for every later packet.
   *
   * @param version the protocol version the device logged in with
   * @param imei the controller's IMEI, ID or serial number
   * @param password the password, or null when the device sent NA (or nothing)
   */
  record Login(WialonVersion version, String imei, String password) implements WialonPacket {
    public Login {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(imei, "imei");
    }

    @Override
    public WialonPacketType type() {
      return WialonPacketType.LOGIN;
    }
  }

  /** A packet or black-box message carrying one {@link WialonData} body: SD or D. */
  sealed interface DataMessage extends WialonPacket permits ShortData, Data {
    /** The decoded body. */
    WialonData data();
  }

  /** {@code #SD#date;time;lat1;lat2;lon1;lon2;speed;course;alt;sats[;crc16]}. */
  record ShortData(WialonData data) implements DataMessage {
    public ShortData {
      Objects.requireNonNull(data, "data");
    }

    @Override
    public WialonPacketType type() {
      return WialonPacketType.SHORT_DATA;
    }
  }

  /** {@code #D#...sats;hdop;inputs;outputs;adc;ibutton;params[;crc16]}. */
  record Data(WialonData data) implements DataMessage {
    public Data {
      Objects.requireNonNull(data, "data");
    }

    @Override
    public WialonPacketType type() {
      return WialonPacketType.DATA;
    }
  }

  /**
   * {@code #B#msg|msg|...[|crc16]}: messages of the past, each an SD or a D body (told apart by
   * their field count). Each message is judged on its own; {@code #AB#} reports how many were
   * accepted.
   *
   * @param entries the messages in wire order
   */
  record BlackBox(List<Entry> entries) implements WialonPacket {
    public BlackBox {
      entries = List.copyOf(entries);
    }

    @Override
    public WialonPacketType type() {
      return WialonPacketType.BLACK_BOX;
    }

    /** The number of accepted messages, the count {@code #AB#} answers. */
    public int acceptedCount() {
      int count = 0;
      for (Entry entry : entries) {
        if (entry instanceof Accepted) {
          count++;
        }
      }
      return count;
    }

    /** The accepted messages in wire order. */
    public List<DataMessage> accepted() {
      return entries.stream()
          .filter(Accepted.class::isInstance)
          .map(entry -> ((Accepted) entry).message())
          .toList();
    }

    /** One message of a black box. */
    public sealed interface Entry permits Accepted, Refused {
      /** Position of the message in the packet, from 0. */
      int index();
    }

    /** A message that decoded. */
    public record Accepted(int index, DataMessage message) implements Entry {
      public Accepted {
        Objects.requireNonNull(message, "message");
      }
    }

    /**
     * A message that did not decode.
     *
     * @param status what an SD/D packet with this body would have been answered
     * @param reason why, for logs
     */
    public record Refused(int index, WialonDataStatus status, String reason) implements Entry {
      public Refused {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
      }
    }
  }

  /** {@code #P#}: heartbeat, no checksum in either version. */
  record Ping() implements WialonPacket {
    @Override
    public WialonPacketType type() {
      return WialonPacketType.PING;
    }
  }
}
