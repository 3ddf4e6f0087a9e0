package dev.dozor.bench.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcParserTest {
  @Test
  void statFieldsAreCountedFromTheLastParenthesis() {
    String line =
        "4242 (java (main) x) S 4100 4242 4100 0 -1 4194560 12345 0 0 0 1500 250 30 7 20 0 42 0"
            + " 9999 123456789 5000 18446744073709551615";
    ProcParser.Stat s = ProcParser.parseStat(line);
    assertEquals(4242, s.pid());
    assertEquals(4100, s.ppid());
    assertEquals(1500, s.utime());
    assertEquals(250, s.stime());
    assertEquals(30, s.cutime());
    assertEquals(7, s.cstime());
    assertEquals(1750, s.ownTicks());
    assertEquals(1787, s.withReapedChildrenTicks());
  }

  @Test
  void garbageIsRefusedWithTheText() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ProcParser.parseStat("nonsense"));
    assertTrue(e.getMessage().contains("nonsense"));
  }

  @Test
  void kbFieldsAreBytes() {
    String status = "Name:\tjava\nVmPeak:\t 3000000 kB\nVmHWM:\t  524288 kB\nVmRSS:\t  262144 kB\n";
    assertEquals(524288L * 1024, ProcParser.kbField(status, "VmHWM").getAsLong());
    assertEquals(262144L * 1024, ProcParser.kbField(status, "VmRSS").getAsLong());
    assertTrue(ProcParser.kbField(status, "VmSwap").isEmpty());
    assertEquals(
        16L * 1024 * 1024 * 1024,
        ProcParser.kbField("MemTotal:       16777216 kB\nMemFree: 1 kB\n", "MemTotal").getAsLong());
  }

  @Test
  void cpuModelAndPostmasterPid() {
    assertEquals(
        "AMD EPYC 7B13",
        ProcParser.cpuModel(
            "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\n"));
    assertEquals(
        31337, ProcParser.firstLinePid("31337\n/work/pg/data\n1795913504\n57432\n\n127.0.0.1\n"));
  }
}
