package dev.dozor.telemetry.position;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PartitionNamesTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-11-29");

  @Test
  void retentionDropsDaysBeforeTheOldestKeptDayAndKeepsTheEdge() {
    List<String> names =
        List.of(
            "positions_20251023",
            "positions_20251024",
            "positions_20251025",
            "positions_20261128",
            "positions_default",
            "positions_2025102",
            "vehicle_state");
    assertEquals(
        List.of("positions_20251023", "positions_20251024"),
        PartitionNames.expired(names, TODAY, 400),
        "2025-10-25 is exactly 400 days before 2026-11-29 and is kept");
  }

  @Test
  void zeroRetentionKeepsEverything() {
    assertEquals(List.of(), PartitionNames.expired(List.of("positions_19700101"), TODAY, 0));
  }

  @Test
  void onlyDailyPartitionNamesHaveADay() {
    assertEquals(
        Optional.of(LocalDate.parse("2026-02-28")), PartitionNames.dayOf("positions_20260228"));
    assertEquals(Optional.empty(), PartitionNames.dayOf("positions_20260230"));
    assertEquals(Optional.empty(), PartitionNames.dayOf("positions_x0260228"));
    assertEquals(Optional.empty(), PartitionNames.dayOf("positions_20260228; DROP TABLE x"));
  }
}
