package dev.dozor.rules.engine;

import dev.dozor.events.TelemetryPoint;
import dev.dozor.rules.regulation.RegulationParameters;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;

/**
 * The rule session of one vehicle, driven by a pseudo clock set to each fix time. Holds the
 * regulations' parameter facts, their per-vehicle state facts and, while rules fire, one point.
 */
final class VehicleSession {
  /**
   * Far above what one point needs (a few firings per regulation); reaching it means a rule loop.
   */
  static final int MAX_FIRINGS_PER_POINT = 1_000;

  private final KieSession session;
  private final SessionPseudoClock clock;
  private final ViolationSink sink = new ViolationSink();
  private Instant lastFixTime;
  private Instant lastSeenWall;

  VehicleSession(
      KieBase kieBase, Collection<RegulationParameters> parameters, EpisodePolicy policy) {
    KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
    conf.setOption(ClockTypeOption.PSEUDO);
    this.session = kieBase.newKieSession(conf, null);
    this.clock = session.getSessionClock();
    session.setGlobal("sink", sink);
    parameters.forEach(session::insert);
    session.insert(policy);
  }

  /**
   * Runs the rules on a point unless it is not newer than the last processed fix.
   *
   * @return the changes the rules reported, or null when the point was skipped
   */
  List<EpisodeChange> accept(TelemetryPoint point, Instant wallNow) {
    lastSeenWall = wallNow;
    if (lastFixTime != null && !point.fixTime().isAfter(lastFixTime)) {
      return null;
    }
    long fixMs = point.fixTime().toEpochMilli();
    // advance before inserting so the event is never in the session's past
    clock.advanceTime(fixMs - clock.getCurrentTime(), TimeUnit.MILLISECONDS);
    FactHandle handle = session.insert(new VehiclePoint(point));
    fire(point.vehicleId());
    session.delete(handle);
    lastFixTime = point.fixTime();
    return sink.drain();
  }

  /** Lets the rules close what is open (no later fix will), then frees the session. */
  List<EpisodeChange> end() {
    try {
      if (lastFixTime != null) {
        session.insert(new EndOfData(lastFixTime.toEpochMilli()));
        session.fireAllRules(MAX_FIRINGS_PER_POINT);
      }
      return sink.drain();
    } finally {
      session.dispose();
    }
  }

  private void fire(String vehicleId) {
    int fired = session.fireAllRules(MAX_FIRINGS_PER_POINT);
    if (fired >= MAX_FIRINGS_PER_POINT) {
      throw new IllegalStateException(
          "rules fired " + fired + " times on one point of vehicle " + vehicleId + ": a rule loop");
    }
  }

  void dispose() {
    session.dispose();
  }

  boolean idleSince(Instant threshold) {
    return lastSeenWall != null && lastSeenWall.isBefore(threshold);
  }

  long factCount() {
    return session.getFactCount();
  }
}
