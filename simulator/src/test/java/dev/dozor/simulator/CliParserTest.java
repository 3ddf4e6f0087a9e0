package dev.dozor.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dozor.simulator.city.Snowfall;
import dev.dozor.simulator.protocol.DeviceProtocol;
import dev.dozor.simulator.protocol.HostPort;
import dev.dozor.simulator.protocol.ProtocolMix;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CliParserTest {

  private static DemoOptions demo(String... args) throws CliException {
    return assertInstanceOf(CliParser.Demo.class, CliParser.parse(args)).options();
  }

  private static String error(String... args) {
    return assertThrows(CliException.class, () -> CliParser.parse(args)).getMessage();
  }

  @Test
  void demoWithoutOptionsUsesTheDefaults() throws CliException {
    DemoOptions o = demo("demo");
    assertEquals(URI.create("http://127.0.0.1:18080"), o.gateway());
    assertEquals(URI.create("http://127.0.0.1:18081"), o.telemetry());
    assertEquals(12, o.fleet().vehicles());
    assertEquals(Duration.ofSeconds(2), o.fleet().interval());
    assertEquals(1, o.fleet().offenders());
    assertEquals(42, o.fleet().seed());
    assertEquals(8, o.fleet().grid().rows());
    assertEquals(250, o.fleet().grid().blockMetres());
    assertTrue(o.runsForever());
    assertNull(o.tokenSeed());
  }

  @Test
  void parsesEveryOptionInBothForms() throws CliException {
    DemoOptions o =
        demo(
            "demo",
            "--gateway",
            "http://localhost:9080/",
            "--telemetry=http://10.0.0.5:9081",
            "--vehicles",
            "30",
            "--interval",
            "500ms",
            "--offenders=3",
            "--duration",
            "5m",
            "--seed",
            "-7",
            "--token-seed",
            "e2e",
            "--rows",
            "4",
            "--cols",
            "6",
            "--block",
            "120",
            "--auth-wait",
            "1m");
    assertEquals(URI.create("http://localhost:9080/"), o.gateway());
    assertEquals(URI.create("http://10.0.0.5:9081"), o.telemetry());
    assertEquals(30, o.fleet().vehicles());
    assertEquals(Duration.ofMillis(500), o.fleet().interval());
    assertEquals(3, o.fleet().offenders());
    assertEquals(Duration.ofMinutes(5), o.duration());
    assertEquals(-7, o.fleet().seed());
    assertEquals("e2e", o.tokenSeed());
    assertEquals(4, o.fleet().grid().rows());
    assertEquals(6, o.fleet().grid().columns());
    assertEquals(120, o.fleet().grid().blockMetres());
    assertEquals(Duration.ofMinutes(1), o.authWait());
  }

  @Test
  void helpWinsAnywhere() throws CliException {
    assertInstanceOf(CliParser.Help.class, CliParser.parse("--help"));
    assertInstanceOf(CliParser.Help.class, CliParser.parse("demo", "--vehicles", "3", "-h"));
    assertTrue(CliParser.USAGE.contains("--offenders"));
  }

  @Test
  void rejectsAnIntervalThatIsNotADuration() {
    String message = error("demo", "--interval", "2x");
    assertTrue(message.contains("--interval") && message.contains("'2x'"), message);
  }

  @Test
  void rejectsAnIntervalShorterThan100ms() {
    String message = error("demo", "--interval", "50ms");
    assertTrue(message.contains("--interval must be between 100ms and 1h"), message);
  }

  @Test
  void rejectsAnUnknownOption() {
    assertEquals("unknown option --speed (see --help)", error("demo", "--speed", "5"));
    assertEquals("unknown option --speed (see --help)", error("demo", "--speed=5"));
  }

  @Test
  void rejectsMissingValuesStrayArgumentsAndRepeats() {
    assertEquals("option --vehicles needs a value", error("demo", "--vehicles"));
    assertTrue(error("demo", "extra").contains("unexpected argument 'extra'"));
    assertEquals("option --seed given twice", error("demo", "--seed", "1", "--seed", "2"));
  }

  @Test
  void rejectsMissingOrUnknownCommands() {
    assertEquals("missing command: expected 'demo', 'firehose' or 'replay'", error());
    assertEquals(
        "unknown command 'rewind': expected 'demo', 'firehose' or 'replay'", error("rewind"));
    assertTrue(error("--vehicles", "3").startsWith("missing command before --vehicles"));
  }

  @Test
  void rejectsOutOfRangeNumbersAndBadUrls() {
    assertEquals("--vehicles must be 1..10000, got 0", error("demo", "--vehicles", "0"));
    assertEquals("invalid number 'many' for --vehicles", error("demo", "--vehicles", "many"));
    assertEquals(
        "--offenders 2 exceeds the 1 ploughs among 2 vehicles",
        error("demo", "--vehicles", "2", "--offenders", "2"));
    assertTrue(error("demo", "--gateway", "localhost:18080").contains("--gateway"));
    assertTrue(error("demo", "--rows", "1").contains("--rows must be 2..200"));
  }

  @Test
  void durationsAcceptUnitsBareSecondsAndIso() throws CliException {
    assertEquals(Duration.ofMillis(250), Durations.parse("--x", "250ms"));
    assertEquals(Duration.ofSeconds(3), Durations.parse("--x", "3"));
    assertEquals(Duration.ofHours(2), Durations.parse("--x", "2h"));
    assertEquals(Duration.ofSeconds(90), Durations.parse("--x", "PT1M30S"));
    assertEquals(Duration.ZERO, Durations.parse("--duration", "0"));
    assertThrows(CliException.class, () -> Durations.parse("--x", "-2s"));
    assertEquals("2s", Durations.format(Duration.ofSeconds(2)));
    assertEquals("500ms", Durations.format(Duration.ofMillis(500)));
    assertEquals("5m", Durations.format(Duration.ofMinutes(5)));
  }

  @Test
  void demoSpeaksTheDefaultProtocolMixOnTheGatewaysDefaultPorts() throws CliException {
    DemoOptions o = demo("demo");
    assertEquals(ProtocolMix.defaults(), o.protocols());
    assertEquals(new HostPort("127.0.0.1", 18020), o.egts());
    assertEquals(new HostPort("127.0.0.1", 18039), o.wialon());
    assertEquals(URI.create("http://127.0.0.1:18055"), o.osmand());
    assertTrue(CliParser.USAGE.contains("--protocols"));
  }

  @Test
  void parsesTheProtocolOptions() throws CliException {
    DemoOptions o =
        demo(
            "demo",
            "--protocols",
            "egts:50,osmand:50",
            "--egts",
            "10.0.0.7:5020",
            "--wialon=gw.local:20332",
            "--osmand",
            "http://gw.local:5055");
    assertEquals(ProtocolMix.parse("egts:50,osmand:50"), o.protocols());
    assertEquals(new HostPort("10.0.0.7", 5020), o.egts());
    assertEquals(new HostPort("gw.local", 20332), o.wialon());
    assertEquals(URI.create("http://gw.local:5055"), o.osmand());
    assertEquals(
        ProtocolMix.only(DeviceProtocol.HTTP_JSON),
        demo("demo", "--protocols", "http-json").protocols());
  }

  @Test
  void rejectsBadProtocolOptionsNamingTheFlag() {
    assertTrue(
        error("demo", "--protocols", "egts:60,osmand:30").startsWith("--protocols: "),
        error("demo", "--protocols", "egts:60,osmand:30"));
    assertEquals(
        "--egts: expected host:port, got '127.0.0.1'", error("demo", "--egts", "127.0.0.1"));
    assertTrue(error("demo", "--wialon", "h:70000").contains("port must be 1..65535"));
    assertTrue(error("demo", "--osmand", "127.0.0.1:18055").contains("--osmand"));
    assertEquals("unknown option --egts (see --help)", error("firehose", "--egts", "h:1"));
  }

  @Test
  void parsesTheDemoCityOptions() throws CliException {
    DemoOptions defaults = demo("demo");
    assertEquals(java.util.List.of(Snowfall.DEFAULT), defaults.snowfalls());
    assertEquals(false, defaults.blackBox());
    assertEquals(false, defaults.borrowedVehicle());
    DemoOptions o =
        demo(
            "demo",
            "--snowfall",
            "900m..705m",
            "--snowfall=165m..",
            "--black-box",
            "last-night",
            "--borrowed-vehicle",
            "yes");
    assertEquals(
        java.util.List.of(
            new Snowfall(Duration.ofMinutes(900), Duration.ofMinutes(705)),
            new Snowfall(Duration.ofMinutes(165), null)),
        o.snowfalls());
    assertTrue(o.blackBox());
    assertTrue(o.borrowedVehicle());
    assertTrue(error("demo", "--snowfall", "1h").contains("--snowfall expects STARTED..ENDED"));
    assertTrue(error("demo", "--snowfall", "..1h").contains("--snowfall expects"));
    assertTrue(error("demo", "--snowfall", "1h..2h").contains("not before it started"));
    assertTrue(error("demo", "--black-box", "yesterday").contains("last-night or none"));
    assertTrue(error("demo", "--borrowed-vehicle", "maybe").contains("yes or no"));
    assertTrue(error("firehose", "--snowfall", "1h..").contains("unknown option --snowfall"));
  }
}
