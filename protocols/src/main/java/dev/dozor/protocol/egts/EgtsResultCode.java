package dev.dozor.protocol.egts;

import java.util.Map;

/**
 * EGTS processing result codes (PR in EGTS_PT_RESPONSE, RST in EGTS_SR_RECORD_RESPONSE, RCD in
 * EGTS_SR_RESULT_CODE), as listed in GOST 33472-2015 Appendix (table "Коды результатов обработки")
 * and Order 285 of the Ministry of Transport, table 14.
 */
public final class EgtsResultCode {
  private EgtsResultCode() {}

  /** Processed successfully. */
  public static final int OK = 0;

  /** Processing in progress (the result follows later). */
  public static final int IN_PROGRESS = 1;

  /** Protocol version or prefix not supported. */
  public static final int UNS_PROTOCOL = 128;

  /** Decryption error. */
  public static final int DECRYPT_ERROR = 129;

  /** Processing denied. */
  public static final int PROC_DENIED = 130;

  /** Wrong transport header format (e.g. HL not 11/16). */
  public static final int INC_HEADERFORM = 131;

  /** Wrong data format. */
  public static final int INC_DATAFORM = 132;

  /** Unsupported type (packet type, ...). */
  public static final int UNS_TYPE = 133;

  /** Wrong number of parameters. */
  public static final int NOTEN_PARAMS = 134;

  /** Duplicate processing attempt. */
  public static final int DBL_PROC = 135;

  /** Processing of data from this source denied. */
  public static final int PROC_SRC_DENIED = 136;

  /** Header checksum (HCS, CRC-8) error. */
  public static final int HEADERCRC_ERROR = 137;

  /** Data checksum (SFRCS, CRC-16) error. */
  public static final int DATACRC_ERROR = 138;

  /** Wrong data length. */
  public static final int INVDATALEN = 139;

  /** Route not found. */
  public static final int ROUTE_NFOUND = 140;

  /** Route closed. */
  public static final int ROUTE_CLOSED = 141;

  /** Routing denied. */
  public static final int ROUTE_DENIED = 142;

  /** Wrong address. */
  public static final int INVADDR = 143;

  /** Retransmission count (TTL) exceeded. */
  public static final int TTLEXPIRED = 144;

  /** No acknowledgement. */
  public static final int NO_ACK = 145;

  /** Object not found. */
  public static final int OBJ_NFOUND = 146;

  /** Event not found. */
  public static final int EVNT_NFOUND = 147;

  /** Service not found. */
  public static final int SRVC_NFOUND = 148;

  /** Service denied. */
  public static final int SRVC_DENIED = 149;

  /** Unknown service type. */
  public static final int SRVC_UNKN = 150;

  /** Authorisation denied. */
  public static final int AUTH_DENIED = 151;

  /** Object already exists. */
  public static final int ALREADY_EXISTS = 152;

  /** Identifier not found. */
  public static final int ID_NFOUND = 153;

  /** Wrong date and time. */
  public static final int INC_DATETIME = 154;

  /** Input/output error. */
  public static final int IO_ERROR = 155;

  /** Insufficient resources. */
  public static final int NO_RES_AVAIL = 156;

  /** Internal module fault. */
  public static final int MODULE_FAULT = 157;

  /** Module power circuit fault. */
  public static final int MODULE_PWR_FLT = 158;

  /** Module microcontroller fault. */
  public static final int MODULE_PROC_FLT = 159;

  /** Module software fault. */
  public static final int MODULE_SW_FLT = 160;

  /** Module firmware fault. */
  public static final int MODULE_FW_FLT = 161;

  /** Module I/O unit fault. */
  public static final int MODULE_IO_FLT = 162;

  /** Module internal memory fault. */
  public static final int MODULE_MEM_FLT = 163;

  /** Test failed. */
  public static final int TEST_FAILED = 164;

  private static final Map<Integer, String> NAMES =
      Map.ofEntries(
          Map.entry(OK, "EGTS_PC_OK"),
          Map.entry(IN_PROGRESS, "EGTS_PC_IN_PROGRESS"),
          Map.entry(UNS_PROTOCOL, "EGTS_PC_UNS_PROTOCOL"),
          Map.entry(DECRYPT_ERROR, "EGTS_PC_DECRYPT_ERROR"),
          Map.entry(PROC_DENIED, "EGTS_PC_PROC_DENIED"),
          Map.entry(INC_HEADERFORM, "EGTS_PC_INC_HEADERFORM"),
          Map.entry(INC_DATAFORM, "EGTS_PC_INC_DATAFORM"),
          Map.entry(UNS_TYPE, "EGTS_PC_UNS_TYPE"),
          Map.entry(NOTEN_PARAMS, "EGTS_PC_NOTEN_PARAMS"),
          Map.entry(DBL_PROC, "EGTS_PC_DBL_PROC"),
          Map.entry(PROC_SRC_DENIED, "EGTS_PC_PROC_SRC_DENIED"),
          Map.entry(HEADERCRC_ERROR, "EGTS_PC_HEADERCRC_ERROR"),
          Map.entry(DATACRC_ERROR, "EGTS_PC_DATACRC_ERROR"),
          Map.entry(INVDATALEN, "EGTS_PC_INVDATALEN"),
          Map.entry(ROUTE_NFOUND, "EGTS_PC_ROUTE_NFOUND"),
          Map.entry(ROUTE_CLOSED, "EGTS_PC_ROUTE_CLOSED"),
          Map.entry(ROUTE_DENIED, "EGTS_PC_ROUTE_DENIED"),
          Map.entry(INVADDR, "EGTS_PC_INVADDR"),
          Map.entry(TTLEXPIRED, "EGTS_PC_TTLEXPIRED"),
          Map.entry(NO_ACK, "EGTS_PC_NO_ACK"),
          Map.entry(OBJ_NFOUND, "EGTS_PC_OBJ_NFOUND"),
          Map.entry(EVNT_NFOUND, "EGTS_PC_EVNT_NFOUND"),
          Map.entry(SRVC_NFOUND, "EGTS_PC_SRVC_NFOUND"),
          Map.entry(SRVC_DENIED, "EGTS_PC_SRVC_DENIED"),
          Map.entry(SRVC_UNKN, "EGTS_PC_SRVC_UNKN"),
          Map.entry(AUTH_DENIED, "EGTS_PC_AUTH_DENIED"),
          Map.entry(ALREADY_EXISTS, "EGTS_PC_ALREADY_EXISTS"),
          Map.entry(ID_NFOUND, "EGTS_PC_ID_NFOUND"),
          Map.entry(INC_DATETIME, "EGTS_PC_INC_DATETIME"),
          Map.entry(IO_ERROR, "EGTS_PC_IO_ERROR"),
          Map.entry(NO_RES_AVAIL, "EGTS_PC_NO_RES_AVAIL"),
          Map.entry(MODULE_FAULT, "EGTS_PC_MODULE_FAULT"),
          Map.entry(MODULE_PWR_FLT, "EGTS_PC_MODULE_PWR_FLT"),
          Map.entry(MODULE_PROC_FLT, "EGTS_PC_MODULE_PROC_FLT"),
          Map.entry(MODULE_SW_FLT, "EGTS_PC_MODULE_SW_FLT"),
          Map.entry(MODULE_FW_FLT, "EGTS_PC_MODULE_FW_FLT"),
          Map.entry(MODULE_IO_FLT, "EGTS_PC_MODULE_IO_FLT"),
          Map.entry(MODULE_MEM_FLT, "EGTS_PC_MODULE_MEM_FLT"),
          Map.entry(TEST_FAILED, "EGTS_PC_TEST_FAILED"));

  /** The spec name of {@code code} (e.g. "EGTS_PC_DATACRC_ERROR"), or "EGTS_PC_&lt;code&gt;". */
  public static String name(int code) {
    return NAMES.getOrDefault(code, "EGTS_PC_" + code);
  }
}
