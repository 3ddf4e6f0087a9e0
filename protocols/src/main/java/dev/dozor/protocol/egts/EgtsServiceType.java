package dev.dozor.protocol.egts;

/** Service types, record fields SST/RST (GOST 33472-2015 / Order 285, service support layer). */
public final class EgtsServiceType {
  private EgtsServiceType() {}

  /** EGTS_AUTH_SERVICE: terminal authentication (TERM_IDENTITY, RESULT_CODE, ...). */
  public static final int AUTH = 1;

  /** EGTS_TELEDATA_SERVICE: positions and sensor data. */
  public static final int TELEDATA = 2;

  /** EGTS_COMMANDS_SERVICE: commands and messages (not decoded here). */
  public static final int COMMANDS = 4;
}
