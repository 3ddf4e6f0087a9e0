package dev.dozor.simulator;

import dev.dozor.simulator.city.Snowfall;
import dev.dozor.simulator.fleet.FleetConfig;
import dev.dozor.simulator.protocol.DeviceProtocol;
import dev.dozor.simulator.protocol.HostPort;
import dev.dozor.simulator.protocol.ProtocolMix;
import java.net.URI;
import java.time.Duration;

/**
 * Everything the {@code demo} command needs.
 *
 * @param gateway gateway base URL (HTTP JSON fixes are posted to {@code /api/v1/telemetry})
 * @param telemetry telemetry-service base URL (vehicles, devices and profiles are registered there)
 * @param fleet the fleet to simulate
 * @param duration how long to run; zero runs until stopped
 * @param tokenSeed derive device tokens from this for reproducible runs, or null for random ones
 * @param authWait how long the gateway may refuse a freshly registered device
 * @param groundTruth file the injected faults are appended to (JSON Lines), or null
 * @param protocols which protocol each tracker speaks
 * @param egts the gateway's EGTS TCP endpoint
 * @param wialon the gateway's Wialon IPS TCP endpoint
 * @param osmand the gateway's OsmAnd base URL
 * @param snowfalls the snowfalls registered per home district on imported roads, relative to the
 *     shift start (default: {@link Snowfall#DEFAULT})
 * @param blackBox whether a refuse truck and a plough or sweeper upload last night's black box at
 *     start ({@link dev.dozor.simulator.fleet.BlackBoxHistory})
 * @param borrowedVehicle on imported roads and districts, whether one vehicle is on loan from
 *     another okrug without an assignment ({@link
 *     dev.dozor.simulator.city.CityPlan#borrowedVehicleId}; GEO-002)
 */
public record DemoOptions(
    URI gateway,
    URI telemetry,
    FleetConfig fleet,
    Duration duration,
    String tokenSeed,
    Duration authWait,
    java.nio.file.Path groundTruth,
    ProtocolMix protocols,
    HostPort egts,
    HostPort wialon,
    URI osmand,
    java.util.List<Snowfall> snowfalls,
    boolean blackBox,
    boolean borrowedVehicle) {

  public static final URI DEFAULT_GATEWAY = URI.create("http://127.0.0.1:18080");
  public static final URI DEFAULT_TELEMETRY = URI.create("http://127.0.0.1:18081");
  public static final Duration DEFAULT_AUTH_WAIT = Duration.ofSeconds(30);
  public static final HostPort DEFAULT_EGTS = new HostPort("127.0.0.1", 18020);
  public static final HostPort DEFAULT_WIALON = new HostPort("127.0.0.1", 18039);
  public static final URI DEFAULT_OSMAND = URI.create("http://127.0.0.1:18055");

  public DemoOptions {
    protocols = protocols == null ? ProtocolMix.only(DeviceProtocol.HTTP_JSON) : protocols;
    egts = egts == null ? DEFAULT_EGTS : egts;
    wialon = wialon == null ? DEFAULT_WIALON : wialon;
    osmand = osmand == null ? DEFAULT_OSMAND : osmand;
    snowfalls = snowfalls == null ? Snowfall.defaults() : java.util.List.copyOf(snowfalls);
  }

  /** The default snowfall and no black-box upload (the constructor before those options). */
  public DemoOptions(
      URI gateway,
      URI telemetry,
      FleetConfig fleet,
      Duration duration,
      String tokenSeed,
      Duration authWait,
      java.nio.file.Path groundTruth,
      ProtocolMix protocols,
      HostPort egts,
      HostPort wialon,
      URI osmand) {
    this(
        gateway,
        telemetry,
        fleet,
        duration,
        tokenSeed,
        authWait,
        groundTruth,
        protocols,
        egts,
        wialon,
        osmand,
        null,
        false,
        false);
  }

  /** Every tracker on HTTP JSON (the constructor before the protocol mix). */
  public DemoOptions(
      URI gateway,
      URI telemetry,
      FleetConfig fleet,
      Duration duration,
      String tokenSeed,
      Duration authWait,
      java.nio.file.Path groundTruth) {
    this(
        gateway,
        telemetry,
        fleet,
        duration,
        tokenSeed,
        authWait,
        groundTruth,
        null,
        null,
        null,
        null);
  }

  /** Every tracker on HTTP JSON, without a ground-truth file (the skeleton's constructor). */
  public DemoOptions(
      URI gateway,
      URI telemetry,
      FleetConfig fleet,
      Duration duration,
      String tokenSeed,
      Duration authWait) {
    this(gateway, telemetry, fleet, duration, tokenSeed, authWait, null);
  }

  public boolean runsForever() {
    return duration.isZero();
  }
}
