package dev.dozor.protocol.egts;

/** Transport packet types, field PT (GOST 33472-2015 / Order 285, transport layer). */
public final class EgtsPacketType {
  private EgtsPacketType() {}

  /** EGTS_PT_RESPONSE: acknowledges a transport packet (RPID, PR, optional records). */
  public static final int RESPONSE = 0;

  /** EGTS_PT_APPDATA: service records. */
  public static final int APPDATA = 1;

  /** EGTS_PT_SIGNED_APPDATA: signed service records (refused here as unsupported). */
  public static final int SIGNED_APPDATA = 2;
}
