package dev.dozor.gateway.stats;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.jboss.logging.Logger;

/** Logs one INFO line per interval with the counters that changed in it. */
@ApplicationScoped
public class StatsLogger {
  private static final Logger LOG = Logger.getLogger(StatsLogger.class);

  private final GatewayStats stats;
  private final StatsConfig config;
  private final Vertx vertx;
  private Map<String, ProtocolStats> last;
  private long timer = -1;

  public StatsLogger(GatewayStats stats, StatsConfig config, Vertx vertx) {
    this.stats = stats;
    this.config = config;
    this.vertx = vertx;
  }

  void onStart(@Observes StartupEvent event) {
    last = stats.snapshot();
    long period = config.logInterval().toMillis();
    if (period > 0) {
      timer = vertx.setPeriodic(period, id -> logChanges("last " + config.logInterval()));
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    logChanges("until shutdown");
  }

  private synchronized void logChanges(String period) {
    Map<String, ProtocolStats> now = stats.snapshot();
    String changes = GatewayStats.describeChanges(last, now);
    last = now;
    if (changes != null) {
      LOG.infof("%s: %s", period, changes);
    }
  }
}
