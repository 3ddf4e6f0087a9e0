package dev.dozor.bench.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dozor.bench.telemetry.Drive.Fix;
import dev.dozor.bench.telemetry.Drive.Pass;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CopyRowsTest {
  private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");

  @Test
  void writesPointsAsLittleEndianEwkbIn4326() {
    StringBuilder sb = new StringBuilder();
    CopyRows.appendPoint(sb, 1.0, 2.0);
    // 1.0 = 0x3FF0000000000000, 2.0 = 0x4000000000000000, little-endian
    assertEquals("0101000020E6100000" + "000000000000F03F" + "0000000000000040", sb.toString());
  }

  @Test
  void writesAPositionRowInColumnOrder() {
    StringBuilder sb = new StringBuilder();
    new CopyRows()
        .position(
            sb,
            new Fix(
                "bench-cov-0001", T, 37.6, 55.8, 25.5, 90.0, 12345.678, Drive.PLOUGH_DOWN, "s"));
    String[] cols = sb.toString().split("\t", -1);
    assertEquals(9, cols.length);
    assertEquals("bench-cov-0001", cols[0]);
    assertEquals("2026-11-28T10:00:00Z", cols[1]);
    assertEquals("2026-11-28T10:00:00.500Z", cols[2]);
    assertEquals("25.5", cols[4]);
    assertEquals("{\"plough\":true,\"ignition\":true}", cols[7]);
    assertEquals("\\N\n", cols[8]);
  }

  @Test
  void writesPassesInTheTablesColumnOrder() {
    StringBuilder sb = new StringBuilder();
    Pass p = new Pass("4-2", "bench-cov-0001", T, T.plusSeconds(20), "plough", 0.123456);
    CopyRows.pass(
        sb,
        p,
        "id-1",
        "telemetry-service",
        new String[] {"segment_id", "pass_id", "covered_fraction", "started_at"});
    assertEquals("4-2\tid-1\t0.1235\t2026-11-28T10:00:00Z\n", sb.toString());
    assertThrows(
        IllegalArgumentException.class,
        () -> CopyRows.pass(new StringBuilder(), p, "x", "y", new String[] {"stored_at"}));
  }

  @Test
  void escapesCopyControlCharacters() {
    assertEquals("a\\tb\\nc\\\\", CopyRows.escape("a\tb\nc\\"));
  }
}
