package dev.dozor.telemetry.position;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Names and ranges of the daily partitions of {@code telemetry.positions}. */
public final class PartitionNames {
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private PartitionNames() {}

  /** {@code positions_YYYYMMDD} for a UTC day. */
  public static String of(LocalDate day) {
    return "positions_" + DAY.format(day);
  }

  /** Days from {@code today - behind} to {@code today + ahead}, both included. */
  public static List<LocalDate> window(LocalDate today, int behind, int ahead) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = today.minusDays(behind);
        !d.isAfter(today.plusDays(ahead));
        d = d.plusDays(1)) {
      days.add(d);
    }
    return days;
  }
}
