package dev.dozor.telemetry.registry;

import dev.dozor.events.DeviceRecord;
import dev.dozor.events.TokenHash;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.registry.RegistryDtos.DeviceRequest;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a device request against the rules of its protocol and turns it into the contract record
 * (secrets hashed); throws {@link ApiException} naming the field. What exists in the database
 * (vehicle, profile, duplicates) is checked by {@link RegistryService}.
 *
 * <ul>
 *   <li>{@code http-json}: a bearer {@code token} of at least 16 characters, no terminalId.
 *   <li>{@code osmand}: {@code terminalId} = the OsmAnd {@code id}, printable ASCII, at most 64.
 *   <li>{@code egts}: {@code terminalId} = the TID in decimal (0..4294967295, no leading zeros) or
 *       a 15-digit IMEI.
 *   <li>{@code wialon-ips}: {@code terminalId} = the IMEI/unique id of the login packet, printable
 *       ASCII without {@code ;} and {@code #}, at most 32; optional {@code password}.
 * </ul>
 */
public final class DeviceValidation {
  /** Device protocols the gateway speaks. */
  public static final List<String> PROTOCOLS =
      List.of(
          DeviceRecord.HTTP_JSON, DeviceRecord.OSMAND, DeviceRecord.EGTS, DeviceRecord.WIALON_IPS);

  public static final String DEFAULT_PROTOCOL = DeviceRecord.HTTP_JSON;
  public static final int MIN_TOKEN_LENGTH = 16;

  /** Largest EGTS terminal id: TID is an unsigned 32-bit field. */
  public static final long MAX_EGTS_TID = 4_294_967_295L;

  /** Wialon IPS login without a password; stored as "no password". */
  public static final String WIALON_NO_PASSWORD = "NA";

  public static final int MAX_OSMAND_ID = 64;
  public static final int MAX_WIALON_ID = 32;
  public static final int MAX_WIALON_PASSWORD = 64;

  private static final Pattern OSMAND_ID = Pattern.compile("\\p{Graph}{1," + MAX_OSMAND_ID + "}");
  private static final Pattern EGTS_TID = Pattern.compile("0|[1-9][0-9]{0,9}");
  private static final Pattern IMEI = Pattern.compile("[0-9]{15}");

  /** Wialon IPS fields are separated by ';' and packets start with '#'. */
  private static final Pattern WIALON_ID =
      Pattern.compile("[\\p{Graph}&&[^;#]]{1," + MAX_WIALON_ID + "}");

  private static final Pattern WIALON_PASSWORD =
      Pattern.compile("[\\p{Graph}&&[^;#]]{1," + MAX_WIALON_PASSWORD + "}");

  private DeviceValidation() {}

  public static DeviceRecord device(String id, DeviceRequest body) {
    RegistryValidation.requireId(id);
    if (body == null) {
      throw ApiException.invalid("body", "a JSON body with vehicleId and protocol is required");
    }
    String vehicleId = RegistryValidation.requireText("vehicleId", body.vehicleId());
    String protocol = body.protocol() == null ? DEFAULT_PROTOCOL : body.protocol();
    if (!PROTOCOLS.contains(protocol)) {
      throw ApiException.invalid(
          "protocol", "protocol must be one of " + PROTOCOLS + ", was '" + protocol + "'");
    }
    if (body.profileId() != null) {
      RegistryValidation.requireId("profileId", body.profileId());
    }
    String secretHash =
        switch (protocol) {
          case DeviceRecord.HTTP_JSON -> httpJsonToken(body);
          case DeviceRecord.WIALON_IPS -> wialonPassword(body);
          default -> noSecret(protocol, body);
        };
    String terminalId = terminalId(protocol, body.terminalId());
    return DeviceRecord.of(id, vehicleId, protocol, secretHash, terminalId, body.profileId());
  }

  private static String httpJsonToken(DeviceRequest body) {
    refuse("password", body.password(), "http-json devices authenticate with token");
    if (body.token() == null || body.token().length() < MIN_TOKEN_LENGTH) {
      throw ApiException.invalid(
          "token", "token must be a secret of at least " + MIN_TOKEN_LENGTH + " characters");
    }
    return TokenHash.sha256Hex(body.token());
  }

  /** The password's hash, or null when the device logs in with NA (no password). */
  private static String wialonPassword(DeviceRequest body) {
    refuse("token", body.token(), "wialon-ips devices log in with password, not token");
    String password = body.password();
    if (password == null || password.equals(WIALON_NO_PASSWORD)) {
      return null;
    }
    if (!WIALON_PASSWORD.matcher(password).matches()) {
      throw ApiException.invalid(
          "password",
          "password must be 1-"
              + MAX_WIALON_PASSWORD
              + " printable ASCII characters without spaces, ';' or '#'; omit it for a device"
              + " that logs in with NA");
    }
    return TokenHash.sha256Hex(password);
  }

  private static String noSecret(String protocol, DeviceRequest body) {
    String why = protocol + " devices are identified by terminalId and carry no secret";
    refuse("token", body.token(), why);
    refuse("password", body.password(), why);
    return null;
  }

  private static String terminalId(String protocol, String terminalId) {
    if (DeviceRecord.HTTP_JSON.equals(protocol)) {
      refuse("terminalId", terminalId, "http-json devices are identified by their token");
      return null;
    }
    if (terminalId == null || terminalId.isEmpty()) {
      throw ApiException.invalid("terminalId", protocol + " devices need a terminalId");
    }
    switch (protocol) {
      case DeviceRecord.OSMAND -> {
        if (!OSMAND_ID.matcher(terminalId).matches()) {
          throw ApiException.invalid(
              "terminalId",
              "osmand terminalId (the id parameter) must be 1-"
                  + MAX_OSMAND_ID
                  + " printable ASCII characters without spaces");
        }
      }
      case DeviceRecord.EGTS -> {
        if (!IMEI.matcher(terminalId).matches()
            && !(EGTS_TID.matcher(terminalId).matches()
                && Long.parseLong(terminalId) <= MAX_EGTS_TID)) {
          throw ApiException.invalid(
              "terminalId",
              "egts terminalId must be the terminal id (TID) in decimal, 0.."
                  + MAX_EGTS_TID
                  + " without leading zeros, or a 15-digit IMEI; was '"
                  + terminalId
                  + "'");
        }
      }
      default -> {
        if (!WIALON_ID.matcher(terminalId).matches()) {
          throw ApiException.invalid(
              "terminalId",
              "wialon-ips terminalId (the IMEI of the login packet) must be 1-"
                  + MAX_WIALON_ID
                  + " printable ASCII characters without spaces, ';' or '#'");
        }
      }
    }
    return terminalId;
  }

  private static void refuse(String field, String value, String why) {
    if (value != null) {
      throw ApiException.invalid(field, field + " is not used here: " + why);
    }
  }
}
