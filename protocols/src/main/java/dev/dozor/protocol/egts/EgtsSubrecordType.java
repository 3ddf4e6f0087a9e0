package dev.dozor.protocol.egts;

/**
 * Subrecord types, field SRT, for the AUTH and TELEDATA services (GOST 33472-2015 / Order 285,
 * lists of EGTS_AUTH_SERVICE and EGTS_TELEDATA_SERVICE subrecords). The numbering depends on the
 * service; type 0 (RECORD_RESPONSE) is shared.
 */
public final class EgtsSubrecordType {
  private EgtsSubrecordType() {}

  /** EGTS_SR_RECORD_RESPONSE (every service). */
  public static final int RECORD_RESPONSE = 0;

  /** EGTS_SR_TERM_IDENTITY (AUTH). */
  public static final int TERM_IDENTITY = 1;

  /** EGTS_SR_RESULT_CODE (AUTH). */
  public static final int RESULT_CODE = 9;

  /** EGTS_SR_POS_DATA (TELEDATA). */
  public static final int POS_DATA = 16;

  /** EGTS_SR_EXT_POS_DATA (TELEDATA). */
  public static final int EXT_POS_DATA = 17;

  /** EGTS_SR_AD_SENSORS_DATA (TELEDATA). */
  public static final int AD_SENSORS_DATA = 18;

  /** EGTS_SR_COUNTERS_DATA (TELEDATA). */
  public static final int COUNTERS_DATA = 19;

  /** EGTS_SR_ABS_DIG_SENS_DATA (TELEDATA). */
  public static final int ABS_DIG_SENS_DATA = 23;

  /** EGTS_SR_ABS_AN_SENS_DATA (TELEDATA). */
  public static final int ABS_AN_SENS_DATA = 24;

  /** EGTS_SR_ABS_CNTR_DATA (TELEDATA). */
  public static final int ABS_CNTR_DATA = 25;

  /** EGTS_SR_LIQUID_LEVEL_SENSOR (TELEDATA). */
  public static final int LIQUID_LEVEL_SENSOR = 27;
}
