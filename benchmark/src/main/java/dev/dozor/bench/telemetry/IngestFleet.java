package dev.dozor.bench.telemetry;

import dev.dozor.events.SchemaVersions;
import dev.dozor.events.TelemetryPoint;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * The points of the ingest measurement, as the gateway would publish them: {@code vehicles} plough
 * trucks anywhere in Moscow (inside the MKAD box), a fix every {@code intervalS} seconds, 15–40
 * km/h with a wandering heading, the blade down most of the time; in time order across the fleet,
 * like a live stream. The same arguments give the same points, so the service's ingest and the COPY
 * reference store identical rows.
 */
final class IngestFleet implements Iterator<TelemetryPoint> {
  static final double MIN_LAT = 55.57;
  static final double MAX_LAT = 55.91;
  static final double MIN_LON = 37.37;
  static final double MAX_LON = 37.84;
  private static final double M_PER_DEG_LAT = 111_195;

  private final long total;
  private final int vehicles;
  private final Instant start;
  private final int intervalS;
  private final String[] ids;
  private final double[] lat;
  private final double[] lon;
  private final double[] heading;
  private final double[] speed;
  private final double[] odometer;
  private final SplittableRandom random;
  private long produced;

  IngestFleet(long total, int vehicles, Instant start, int intervalS, long seed) {
    if (vehicles < 1 || total < 0 || intervalS < 1) {
      throw new IllegalArgumentException("vehicles, points and interval must be positive");
    }
    this.total = total;
    this.vehicles = vehicles;
    this.start = start;
    this.intervalS = intervalS;
    this.random = new SplittableRandom(seed);
    ids = new String[vehicles];
    lat = new double[vehicles];
    lon = new double[vehicles];
    heading = new double[vehicles];
    speed = new double[vehicles];
    odometer = new double[vehicles];
    for (int i = 0; i < vehicles; i++) {
      ids[i] = vehicleId(i);
      lat[i] = MIN_LAT + random.nextDouble() * (MAX_LAT - MIN_LAT);
      lon[i] = MIN_LON + random.nextDouble() * (MAX_LON - MIN_LON);
      heading[i] = random.nextDouble() * 360;
      speed[i] = 15 + random.nextDouble() * 25;
      odometer[i] = 10_000 + random.nextInt(90_000);
    }
  }

  static String vehicleId(int i) {
    return String.format(Locale.ROOT, "bench-ingest-%04d", i + 1);
  }

  /** The UTC time span the points cover, seconds. */
  static long spanSeconds(long total, int vehicles, int intervalS) {
    return ((total + vehicles - 1) / vehicles) * intervalS;
  }

  @Override
  public boolean hasNext() {
    return produced < total;
  }

  @Override
  public TelemetryPoint next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    int v = (int) (produced % vehicles);
    long k = produced / vehicles;
    produced++;
    if (k > 0) {
      move(v);
    }
    Instant fix = start.plusSeconds(k * intervalS).plusMillis(v * 7L % (intervalS * 1000L));
    boolean down = (k + v) % 60 >= 6;
    return new TelemetryPoint(
        SchemaVersions.TELEMETRY_POINT,
        ids[v],
        "bench-dev-" + (v + 1),
        fix,
        fix.plusMillis(500),
        Math.round(lat[v] * 1e7) / 1e7,
        Math.round(lon[v] * 1e7) / 1e7,
        Math.round(speed[v] * 10) / 10.0,
        Math.round(heading[v] * 10) / 10.0,
        Math.round(odometer[v] * 1000) / 1000.0,
        down ? Drive.PLOUGH_DOWN : Drive.PLOUGH_UP,
        Map.of());
  }

  private void move(int v) {
    heading[v] = (heading[v] + random.nextGaussian() * 15 + 360) % 360;
    speed[v] = Math.max(15, Math.min(40, speed[v] + random.nextGaussian() * 2));
    double d = speed[v] / 3.6 * intervalS;
    double h = Math.toRadians(heading[v]);
    lat[v] += d * Math.cos(h) / M_PER_DEG_LAT;
    lon[v] += d * Math.sin(h) / (M_PER_DEG_LAT * Math.cos(Math.toRadians(lat[v])));
    odometer[v] += d / 1000;
    if (lat[v] < MIN_LAT || lat[v] > MAX_LAT) {
      lat[v] = Math.max(MIN_LAT, Math.min(MAX_LAT, lat[v]));
      heading[v] = (540 - heading[v]) % 360;
    }
    if (lon[v] < MIN_LON || lon[v] > MAX_LON) {
      lon[v] = Math.max(MIN_LON, Math.min(MAX_LON, lon[v]));
      heading[v] = (360 - heading[v]) % 360;
    }
  }
}
