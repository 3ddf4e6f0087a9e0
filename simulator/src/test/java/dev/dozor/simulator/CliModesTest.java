package dev.dozor.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.simulator.fault.FaultType;
import dev.dozor.simulator.firehose.FirehoseOptions;
import dev.dozor.simulator.fleet.VehicleType;
import dev.dozor.simulator.replay.ReplayRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliModesTest {
  private static String error(String... args) {
    return assertThrows(CliException.class, () -> CliParser.parse(args)).getMessage();
  }

  @Test
  void demoTakesTypesRepeatedFaultsOfflineShiftAndGroundTruth() throws CliException {
    DemoOptions o =
        assertInstanceOf(
                CliParser.Demo.class,
                CliParser.parse(
                    "demo",
                    "--types",
                    "plough,spreader,refuse-truck",
                    "--fault",
                    "overspeed=2/h",
                    "--fault=gaps=0.5/h,jumps=1",
                    "--offline",
                    "2m..4m",
                    "--shift",
                    "8h",
                    "--ground-truth",
                    "/tmp/gt.jsonl"))
            .options();
    assertEquals(
        List.of(VehicleType.PLOUGH, VehicleType.SPREADER, VehicleType.REFUSE), o.fleet().types());
    assertEquals(2.0, o.fleet().faults().rate(FaultType.OVERSPEED_PLOUGH));
    assertEquals(0.5, o.fleet().faults().rate(FaultType.TELEMETRY_GAP));
    assertEquals(1.0, o.fleet().faults().rate(FaultType.GPS_JUMP));
    assertEquals(Duration.ofMinutes(2), o.fleet().faults().offlineMin());
    assertEquals(Duration.ofHours(8), o.fleet().shift().length());
    assertEquals(Path.of("/tmp/gt.jsonl"), o.groundTruth());
    assertNull(o.fleet().roads());
  }

  @Test
  void demoRejectsUnknownTypesAndFaults() {
    assertTrue(error("demo", "--types", "tank").contains("unknown vehicle type 'tank'"));
    assertTrue(error("demo", "--fault", "speeding=1/h").contains("unknown fault 'speeding'"));
    assertTrue(error("demo", "--roads", "/nonexistent.geojson").startsWith("--roads"));
  }

  @Test
  void theCatalogueFaultsParseAndTheirPreconditionsAreChecked() throws CliException {
    DemoOptions o =
        assertInstanceOf(
                CliParser.Demo.class,
                CliParser.parse(
                    "demo",
                    "--fault",
                    "sweeping-fast=1/h,bad-spread-rate=1/h,transport-speeding=1/h,idling=0.5",
                    "--fault",
                    "sensor-flapping=1/h,clock-skew=2/h,odometer-drift=0.2",
                    "--shift",
                    "8h"))
            .options();
    assertEquals(1.0, o.fleet().faults().rate(FaultType.SWEEPING_FAST));
    assertEquals(0.5, o.fleet().faults().rate(FaultType.IDLING));
    assertEquals(2.0, o.fleet().faults().rate(FaultType.CLOCK_SKEW));
    assertEquals(0.2, o.fleet().faults().rate(FaultType.ODOMETER_DRIFT));
    assertTrue(
        error("demo", "--fault", "odometer-drift=1/h").contains("needs a finite shift"),
        "odometer drift without --shift");
    assertTrue(
        error("demo", "--fault", "sensor-flapping=1/h", "--interval", "10s")
            .contains("sensor-flapping needs a fix interval of at most 5s"));
    assertTrue(
        error("firehose", "--vehicles", "100", "--rate", "1000", "--fault", "clock-skew=1/h")
            .contains("--fault clock-skew"));
    FirehoseOptions realTime =
        assertInstanceOf(
                CliParser.Firehose.class,
                CliParser.parse(
                    "firehose", "--vehicles", "1000", "--rate", "1000", "--fault", "clock-skew=1"))
            .options();
    assertEquals(1.0, realTime.fleet().faults().rate(FaultType.CLOCK_SKEW));
  }

  @Test
  void firehoseDefaultsAndFlags() throws CliException {
    FirehoseOptions d =
        assertInstanceOf(CliParser.Firehose.class, CliParser.parse("firehose")).options();
    assertEquals(1_000, d.fleet().vehicles());
    assertEquals(1_000, d.ratePerSecond());
    assertEquals(1, d.timeCompression());
    assertEquals(Duration.ofSeconds(1), d.fleet().interval());
    assertEquals(100, d.batch());
    assertEquals(0, d.fleet().offenders());
    FirehoseOptions o =
        assertInstanceOf(
                CliParser.Firehose.class,
                CliParser.parse(
                    "firehose",
                    "--vehicles",
                    "2000",
                    "--rate",
                    "20000",
                    "--duration",
                    "2m",
                    "--batch",
                    "50",
                    "--time-compression",
                    "20",
                    "--concurrency",
                    "128"))
            .options();
    assertEquals(Duration.ofSeconds(2), o.fleet().interval());
    assertEquals(Duration.ofMinutes(2), o.duration());
    assertEquals(128, o.concurrency());
    assertTrue(
        error("firehose", "--vehicles", "100", "--rate", "20000", "--time-compression", "1")
            .contains("raise --time-compression"));
    assertEquals("--batch must be 1..1000, got 5000", error("firehose", "--batch", "5000"));
  }

  @Test
  void replayNeedsAReadableFile(@TempDir Path dir) throws Exception {
    assertEquals("replay needs --file FILE (a trace CSV)", error("replay"));
    assertTrue(
        error("replay", "--file", dir.resolve("no.csv").toString()).contains("not a readable"));
    Path csv = Files.writeString(dir.resolve("t.csv"), "latitude\n");
    ReplayRunner.Options o =
        assertInstanceOf(
                CliParser.Replay.class,
                CliParser.parse("replay", "--file", csv.toString(), "--speedup", "10"))
            .options();
    assertEquals(10, o.speedup());
    assertEquals(csv, o.file());
  }
}
