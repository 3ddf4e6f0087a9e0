package dev.dozor.protocol.wialon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The body of an SD or D packet (spec 2.0, "Short data packet" and "Data packet"): {@code
 * date;time;lat1;lat2;lon1;lon2;speed;course;alt;sats} for SD, followed by {@code
 * ;hdop;inputs;outputs;adc;ibutton;params} for D. A null field was {@code NA} on the wire. SD
 * bodies leave the D fields null / empty.
 *
 * @param time date and time of the fix, UTC; null when both were NA (the spec lets the server use
 *     its own time then)
 * @param lat latitude, degrees, south negative; null with {@code lon} when NA
 * @param lon longitude, degrees, west negative; null with {@code lat} when NA
 * @param speedKmh speed, km/h
 * @param courseDeg course, degrees in [0, 360)
 * @param altitudeM altitude, metres
 * @param satellites satellites in use
 * @param hdop horizontal dilution of precision (D only)
 * @param inputs digital inputs bitmask, bit 0 = input 1, unsigned 32 bits (D only)
 * @param outputs digital outputs bitmask, bit 0 = output 1, unsigned 32 bits (D only)
 * @param adc analog inputs in order, a null element for an NA input (D only), never null
 * @param ibutton iButton (driver key) code (D only)
 * @param params additional parameters in wire order (D only), never null
 */
public record WialonData(
    Instant time,
    Double lat,
    Double lon,
    Double speedKmh,
    Double courseDeg,
    Double altitudeM,
    Integer satellites,
    Double hdop,
    Long inputs,
    Long outputs,
    List<Double> adc,
    String ibutton,
    List<WialonParam> params) {

  /** Largest value of the 32-bit input and output bitmasks. */
  public static final long MAX_BITMASK = 0xFFFF_FFFFL;

  public WialonData {
    if ((lat == null) != (lon == null)) {
      throw new IllegalArgumentException("latitude and longitude must both be present or absent");
    }
    adc = adc == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(adc));
    params = params == null ? List.of() : List.copyOf(params);
  }

  /** An SD-style body: position, speed, course, altitude and satellites, any of them null. */
  public static WialonData position(
      Instant time,
      Double lat,
      Double lon,
      Double speedKmh,
      Double courseDeg,
      Double altitudeM,
      Integer satellites) {
    return new WialonData(
        time,
        lat,
        lon,
        speedKmh,
        courseDeg,
        altitudeM,
        satellites,
        null,
        null,
        null,
        List.of(),
        null,
        List.of());
  }

  /** This body with the D fields set. */
  public WialonData withExtended(
      Double hdop,
      Long inputs,
      Long outputs,
      List<Double> adc,
      String ibutton,
      List<WialonParam> params) {
    return new WialonData(
        time,
        lat,
        lon,
        speedKmh,
        courseDeg,
        altitudeM,
        satellites,
        hdop,
        inputs,
        outputs,
        adc,
        ibutton,
        params);
  }

  /** Whether the body carries coordinates. */
  public boolean hasPosition() {
    return lat != null;
  }
}
