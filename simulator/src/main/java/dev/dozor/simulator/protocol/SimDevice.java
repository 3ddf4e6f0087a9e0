package dev.dozor.simulator.protocol;

import dev.dozor.simulator.client.DeviceTokens;
import dev.dozor.simulator.client.TelemetryRegistryClient;
import dev.dozor.simulator.fleet.SimVehicle;
import dev.dozor.simulator.protocol.egts.EgtsFixEncoder;
import dev.dozor.simulator.protocol.osmand.OsmAndFixEncoder;
import dev.dozor.simulator.protocol.wialon.WialonFixEncoder;

/**
 * A simulated tracker as telemetry-service registers it ({@code PUT /api/v1/devices/{id}}).
 * Terminal ids derive from the vehicle id, not from its position in the fleet, so another {@code
 * --types} or {@code --protocols} never hands one vehicle's terminal id to another device:
 *
 * <ul>
 *   <li>EGTS TID: {@code 810000000 + 1000000 × type ordinal + vehicle number}: sim-plough-01 is
 *       810000001, sim-sweeper-01 811000001, sim-spreader-02 812000002;
 *   <li>Wialon IMEI: 15 digits, {@code 3569380}, the type ordinal, the vehicle number in 6 digits
 *       and a Luhn check digit: sim-plough-01 is 356938000000019;
 *   <li>OsmAnd id: {@code sim-osm-<vehicleId>}.
 * </ul>
 *
 * @param id device id, {@code dev-<vehicleId>} as for HTTP JSON
 * @param vehicleId the vehicle it is bound to
 * @param protocol what it speaks
 * @param token HTTP JSON bearer token, else null
 * @param password Wialon IPS password, else null
 * @param terminalId what the device itself sends (OsmAnd id, EGTS TID, Wialon IMEI); null for HTTP
 *     JSON
 * @param profileId the device profile the simulator registers for the protocol, null for HTTP JSON
 */
public record SimDevice(
    String id,
    String vehicleId,
    DeviceProtocol protocol,
    String token,
    String password,
    String terminalId,
    String profileId) {

  /** First EGTS terminal id of the simulated fleet (the benchmark uses 700000000 and up). */
  public static final long EGTS_TID_BASE = 810_000_000L;

  /** First 7 digits of the simulated Wialon trackers' IMEIs (the 8th is the type ordinal). */
  public static final String WIALON_IMEI_PREFIX = "3569380";

  private static final int SERIAL_DIGITS = 6;
  private static final long TIDS_PER_TYPE = 1_000_000L;

  /** The tracker of {@code vehicle} speaking {@code protocol}; secrets from {@code tokens}. */
  public static SimDevice of(SimVehicle vehicle, DeviceProtocol protocol, DeviceTokens tokens) {
    String deviceId = vehicle.deviceId();
    long serial = serial(vehicle);
    return switch (protocol) {
      case HTTP_JSON ->
          new SimDevice(
              deviceId, vehicle.id(), protocol, tokens.tokenFor(deviceId), null, null, null);
      case EGTS ->
          new SimDevice(
              deviceId,
              vehicle.id(),
              protocol,
              null,
              null,
              Long.toString(EGTS_TID_BASE + serial),
              EgtsFixEncoder.PROFILE_ID);
      case WIALON_IPS ->
          new SimDevice(
              deviceId,
              vehicle.id(),
              protocol,
              null,
              tokens.tokenFor(deviceId),
              wialonImei(serial),
              WialonFixEncoder.PROFILE_ID);
      case OSMAND ->
          new SimDevice(
              deviceId,
              vehicle.id(),
              protocol,
              null,
              null,
              "sim-osm-" + vehicle.id(),
              OsmAndFixEncoder.PROFILE_ID);
    };
  }

  /** The body telemetry-service takes for this device. */
  public TelemetryRegistryClient.DeviceRegistration registration() {
    return new TelemetryRegistryClient.DeviceRegistration(
        vehicleId, protocol.wireName(), token, password, terminalId, profileId);
  }

  /** EGTS TID as a number (EGTS devices only). */
  public long egtsTerminalId() {
    return Long.parseLong(terminalId);
  }

  /**
   * Type ordinal × 1,000,000 + the vehicle's number ({@code sim-plough-01} → 1, {@code
   * sim-sweeper-01} → 1000001); a vehicle id without a trailing number falls back to a hash.
   */
  static long serial(SimVehicle vehicle) {
    String id = vehicle.id();
    int dash = id.lastIndexOf('-');
    long number;
    try {
      number = Long.parseLong(id.substring(dash + 1));
    } catch (NumberFormatException e) {
      number = Math.floorMod(id.hashCode(), (int) TIDS_PER_TYPE);
    }
    return vehicle.type().ordinal() * TIDS_PER_TYPE + Math.floorMod(number, TIDS_PER_TYPE);
  }

  /** 15 digits: the prefix, the type ordinal, the vehicle number in 6 digits, a Luhn digit. */
  static String wialonImei(long serial) {
    String body =
        WIALON_IMEI_PREFIX
            + serial / TIDS_PER_TYPE
            + String.format("%0" + SERIAL_DIGITS + "d", serial % TIDS_PER_TYPE);
    return body + luhn(body);
  }

  /** The Luhn check digit of {@code digits} (IMEI rule). */
  static int luhn(String digits) {
    int sum = 0;
    boolean twice = true;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return (10 - sum % 10) % 10;
  }
}
