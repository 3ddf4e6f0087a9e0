package dev.dozor.bench.gateway;

import dev.dozor.bench.BenchOptions.UsageException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Options of {@code bin/dozor bench gateway}: the gateway alone, with Kafka, under HTTP JSON
 * batches and under EGTS over many TCP connections.
 *
 * @param gateway base URL of the gateway's HTTP port
 * @param egtsHost host of the gateway's EGTS port
 * @param egtsPort the gateway's EGTS port
 * @param kafka bootstrap servers (devices are registered straight on the registry topic)
 * @param stateDir bin/dozor state directory (PID files, recordings)
 * @param docsDir where the report goes
 * @param warmUp load before each measured window
 * @param duration measured window of each phase
 * @param httpConnections concurrent HTTP clients
 * @param httpBatch points per HTTP request
 * @param egtsConnections concurrent EGTS terminals (one TCP connection each)
 * @param egtsRecordsPerPacket TELEDATA records per EGTS packet
 * @param egtsPacketsInFlight packets a terminal sends before it waits for their answers
 * @param wialonPort the gateway's Wialon IPS port
 * @param wialonConnections concurrent Wialon IPS trackers
 * @param wialonMessages messages per black box ({@code #B#})
 * @param profile record the gateway with JFR during each measured window
 */
public record GatewayBenchOptions(
    URI gateway,
    String egtsHost,
    int egtsPort,
    String kafka,
    Path stateDir,
    Path docsDir,
    Duration warmUp,
    Duration duration,
    int httpConnections,
    int httpBatch,
    int egtsConnections,
    int egtsRecordsPerPacket,
    int egtsPacketsInFlight,
    int wialonPort,
    int wialonConnections,
    int wialonMessages,
    boolean profile) {

  public static final String USAGE =
      """
      usage: bin/dozor bench gateway [options]
        --duration PT30S            measured window of each phase
        --warm-up PT10S             load before each window (JIT, Kafka batches)
        --http-connections 8        concurrent HTTP JSON clients
        --http-batch 500            points per HTTP request
        --egts-connections 1000     concurrent EGTS terminals, one TCP connection each
        --egts-records 10           TELEDATA records per EGTS packet
        --egts-in-flight 2          packets a terminal sends before waiting for answers
        --wialon-connections 200    concurrent Wialon IPS 2.0 trackers (no goal in the issue)
        --wialon-messages 10        messages per black box (#B#)
        --no-profile                do not record the gateway with JFR
      """;

  public static GatewayBenchOptions parse(String[] args) {
    URI gateway = URI.create("http://127.0.0.1:18080");
    String egtsHost = "127.0.0.1";
    int egtsPort = 18020;
    String kafka = "127.0.0.1:59092";
    Path stateDir = Path.of(".dozor");
    Path docsDir = Path.of("docs");
    Duration warmUp = Duration.ofSeconds(10);
    Duration duration = Duration.ofSeconds(30);
    int httpConnections = 8;
    int httpBatch = 500;
    int egtsConnections = 1000;
    int egtsRecords = 10;
    int egtsInFlight = 2;
    int wialonPort = 18039;
    int wialonConnections = 200;
    int wialonMessages = 10;
    boolean profile = true;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--no-profile")) {
        profile = false;
        continue;
      }
      if (a.equals("--help") || a.equals("-h")) {
        throw new UsageException(USAGE);
      }
      if (i + 1 >= args.length) {
        throw new UsageException("option " + a + " needs a value\n" + USAGE);
      }
      String v = args[++i];
      try {
        switch (a) {
          case "--gateway" -> gateway = URI.create(v);
          case "--egts" -> {
            int colon = v.lastIndexOf(':');
            egtsHost = v.substring(0, colon);
            egtsPort = Integer.parseInt(v.substring(colon + 1));
          }
          case "--kafka" -> kafka = v;
          case "--state-dir" -> stateDir = Path.of(v);
          case "--root" -> docsDir = Path.of(v).resolve("docs");
          case "--duration" -> duration = Duration.parse(v);
          case "--warm-up" -> warmUp = Duration.parse(v);
          case "--http-connections" -> httpConnections = positive(a, v);
          case "--http-batch" -> httpBatch = positive(a, v);
          case "--egts-connections" -> egtsConnections = positive(a, v);
          case "--egts-records" -> egtsRecords = positive(a, v);
          case "--egts-in-flight" -> egtsInFlight = positive(a, v);
          case "--wialon" -> wialonPort = Integer.parseInt(v.substring(v.lastIndexOf(':') + 1));
          case "--wialon-connections" -> wialonConnections = positive(a, v);
          case "--wialon-messages" -> wialonMessages = positive(a, v);
          default -> throw new UsageException("unknown option " + a + "\n" + USAGE);
        }
      } catch (RuntimeException e) {
        if (e instanceof UsageException u) {
          throw u;
        }
        throw new UsageException("bad value for " + a + ": " + v + " (" + e.getMessage() + ")");
      }
    }
    return new GatewayBenchOptions(
        gateway,
        egtsHost,
        egtsPort,
        kafka,
        stateDir,
        docsDir,
        warmUp,
        duration,
        httpConnections,
        httpBatch,
        egtsConnections,
        egtsRecords,
        egtsInFlight,
        wialonPort,
        wialonConnections,
        wialonMessages,
        profile);
  }

  private static int positive(String option, String value) {
    int n = Integer.parseInt(value);
    if (n < 1) {
      throw new UsageException(option + " must be at least 1, got " + n);
    }
    return n;
  }
}
