package dev.dozor.telemetry.position;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Names and ranges of the daily partitions of {@code telemetry.positions} and the other {@link
 * PartitionedTable}s. The methods without a table are those of positions.
 */
public final class PartitionNames {
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private PartitionNames() {}

  /** {@code positions_YYYYMMDD} for a UTC day. */
  public static String of(LocalDate day) {
    return of(PartitionedTable.POSITIONS, day);
  }

  /** {@code <table>_YYYYMMDD} for a UTC day. */
  public static String of(PartitionedTable table, LocalDate day) {
    return table.table() + "_" + DAY.format(day);
  }

  /** The day of a partition named {@code positions_YYYYMMDD}, or empty for any other name. */
  public static Optional<LocalDate> dayOf(String name) {
    return dayOf(PartitionedTable.POSITIONS, name);
  }

  /** The day of a partition named {@code <table>_YYYYMMDD}, or empty for any other name. */
  public static Optional<LocalDate> dayOf(PartitionedTable table, String name) {
    String prefix = table.table() + "_";
    if (name == null
        || !name.startsWith(prefix)
        || !name.substring(prefix.length()).matches("\\d{8}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(name.substring(prefix.length()), DAY));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The partitions past retention: those whose day is before {@code today - retentionDays}. With
   * 400 days, on 2026-11-29 the partition of 2025-10-25 is kept and that of 2025-10-24 dropped.
   * Names that are not daily partitions are never returned; 0 days keeps everything.
   */
  public static List<String> expired(Collection<String> names, LocalDate today, int retentionDays) {
    return expired(PartitionedTable.POSITIONS, names, today, retentionDays);
  }

  /** {@link #expired(Collection, LocalDate, int)} for the partitions of {@code table}. */
  public static List<String> expired(
      PartitionedTable table, Collection<String> names, LocalDate today, int retentionDays) {
    if (retentionDays <= 0) {
      return List.of();
    }
    LocalDate oldestKept = today.minusDays(retentionDays);
    List<String> out = new ArrayList<>();
    for (String name : names) {
      dayOf(table, name).filter(d -> d.isBefore(oldestKept)).ifPresent(d -> out.add(name));
    }
    out.sort(null);
    return out;
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
