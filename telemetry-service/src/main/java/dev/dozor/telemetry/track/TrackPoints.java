package dev.dozor.telemetry.track;

import java.util.Arrays;

/**
 * The fixes of one track in time order, stored column by column in primitive arrays: a day at 1 Hz
 * is 86,400 fixes, and one object per fix would be most of the work of a track request.
 */
public final class TrackPoints {
  private long[] times = new long[1024];
  private double[] lats = new double[1024];
  private double[] lons = new double[1024];
  private int[] equipment = new int[1024];
  private int size;

  /** Appends a fix; fixes must come in time order. */
  public void add(long epochMs, double lat, double lon, int equipmentBits) {
    if (size == times.length) {
      int capacity = size * 2;
      times = Arrays.copyOf(times, capacity);
      lats = Arrays.copyOf(lats, capacity);
      lons = Arrays.copyOf(lons, capacity);
      equipment = Arrays.copyOf(equipment, capacity);
    }
    times[size] = epochMs;
    lats[size] = lat;
    lons[size] = lon;
    equipment[size] = equipmentBits;
    size++;
  }

  public int size() {
    return size;
  }

  /** Fix time in epoch milliseconds. */
  public long time(int i) {
    return times[i];
  }

  public double lat(int i) {
    return lats[i];
  }

  public double lon(int i) {
    return lons[i];
  }

  /** Packed equipment ({@link dev.dozor.telemetry.query.EquipmentBits}). */
  public int equipment(int i) {
    return equipment[i];
  }
}
