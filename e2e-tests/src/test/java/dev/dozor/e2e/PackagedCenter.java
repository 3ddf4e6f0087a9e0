package dev.dozor.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The four packaged services started on free loopback ports against the PostGIS and Kafka that
 * {@code bin/dozor test} started (passed in by environment variables).
 */
final class PackagedCenter implements AutoCloseable {
  static final String DISPATCHER_PASSWORD = "e2e-" + Long.toHexString(System.nanoTime());

  final ServiceProcess gateway;
  final ServiceProcess telemetry;
  final ServiceProcess rules;
  final ServiceProcess dispatch;

  /** The gateway's device-protocol ports: OsmAnd HTTP, EGTS TCP, Wialon IPS TCP. */
  final int osmandPort;

  final int egtsPort;
  final int wialonPort;
  private final List<ServiceProcess> all = new ArrayList<>();

  private PackagedCenter(Path root, Map<String, String> env, Path logDir) throws IOException {
    telemetry = start(root, "telemetry-service", "DOZOR_TELEMETRY_PORT", env, logDir);
    osmandPort = freePort();
    egtsPort = freePort();
    wialonPort = freePort();
    Map<String, String> gatewayEnv = new HashMap<>(env);
    gatewayEnv.put("DOZOR_OSMAND_PORT", Integer.toString(osmandPort));
    gatewayEnv.put("DOZOR_EGTS_PORT", Integer.toString(egtsPort));
    gatewayEnv.put("DOZOR_WIALON_PORT", Integer.toString(wialonPort));
    gateway = start(root, "gateway", "DOZOR_GATEWAY_PORT", gatewayEnv, logDir);
    rules = start(root, "rules-service", "DOZOR_RULES_PORT", env, logDir);
    dispatch = start(root, "dispatch-service", "DOZOR_DISPATCH_PORT", env, logDir);
  }

  private ServiceProcess start(
      Path root, String module, String portVariable, Map<String, String> env, Path logDir)
      throws IOException {
    ServiceProcess p =
        ServiceProcess.start(
            module,
            root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar"),
            freePort(),
            portVariable,
            env,
            logDir);
    all.add(p);
    return p;
  }

  static PackagedCenter start(HttpClient http) throws Exception {
    Path root = Path.of(System.getProperty("dozor.root", "..")).toAbsolutePath().normalize();
    Map<String, String> env = new HashMap<>();
    for (String name :
        List.of(
            "DOZOR_KAFKA_BOOTSTRAP",
            "DOZOR_JDBC_URL",
            "DOZOR_REACTIVE_URL",
            "DOZOR_DB_USER",
            "DOZOR_DB_PASSWORD")) {
      env.put(name, requiredEnv(name));
    }
    env.put("DOZOR_DISPATCHER_PASSWORD", DISPATCHER_PASSWORD);
    PackagedCenter center =
        new PackagedCenter(root, env, root.resolve("e2e-tests/target/e2e-logs"));
    try {
      for (ServiceProcess p : center.all) {
        p.awaitReady(http, Duration.ofSeconds(120));
      }
    } catch (Exception e) {
      center.close();
      throw e;
    }
    return center;
  }

  static String requiredEnv(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          name
              + " is not set: the end-to-end test needs the PostGIS and Kafka that `bin/dozor test`"
              + " starts; run the tests with bin/dozor test");
    }
    return value;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  String logTails() {
    StringBuilder out = new StringBuilder();
    for (ServiceProcess p : all) {
      out.append("\n--- ").append(p.name()).append(" ---\n").append(p.logTail());
    }
    return out.toString();
  }

  @Override
  public void close() throws InterruptedException {
    for (int i = all.size() - 1; i >= 0; i--) {
      all.get(i).close();
    }
  }
}
