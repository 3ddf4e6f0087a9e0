package dev.dozor.rules.regulation.int004;

import dev.dozor.rules.engine.RunningTally;
import dev.dozor.rules.engine.VehiclePoint;
import java.util.ArrayDeque;
import java.util.List;
import org.kie.api.definition.type.ClassReactive;

/**
 * INT-004 (a): the implement channels of one vehicle as last reported, and the fix times of their
 * recent toggles. Bounded: per channel at most {@code maxToggles + 1} toggle times within the last
 * {@code windowS} (older ones, and any beyond that count, are dropped), so with the defaults at
 * most 3 × 11 timestamps per vehicle.
 */
@ClassReactive
public final class Int004Sensor implements RunningTally {
  private static final long serialVersionUID = 1L;

  public static final String REGULATION = "INT-004";

  /** The implement channels watched, also the subjects of their episodes. */
  public static final List<String> CHANNELS = List.of("plough", "brush", "spreader");

  private final String vehicleId;
  private final Boolean[] last = new Boolean[CHANNELS.size()];

  @SuppressWarnings("unchecked")
  private final ArrayDeque<Long>[] toggles = new ArrayDeque[CHANNELS.size()];

  private VehiclePoint lastFix;
  // the last fix's time and maxToggles as it was read there: every fix asks for them, and the
  // previous point's look-ups are forgotten (a restored sensor reads them from the point once)
  private transient boolean lastRead;
  private transient long lastFixMs;
  private transient double lastMaxToggles;

  @Override
  public Phase phase() {
    // the episode rules judge the toggles including this fix
    return Phase.BEFORE_RULES;
  }

  @Override
  public boolean take(VehiclePoint point, long eventNowMs) {
    return getLastFixTimeMs() < point.getFixTimeMs() && observe(point);
  }

  public Int004Sensor(VehiclePoint first) {
    this.vehicleId = first.getVehicleId();
    for (int i = 0; i < toggles.length; i++) {
      toggles[i] = new ArrayDeque<>();
    }
    observe(first);
  }

  /**
   * Reads the channels of the vehicle's next valid fix and counts the toggles.
   *
   * @return whether a channel toggles too often now or did before this fix: only then can a rule on
   *     the sensor (start, extend or end an episode) have something to do, so only then does the
   *     DRL tell the engine the sensor changed
   */
  public boolean observe(VehiclePoint p) {
    boolean busyBefore = anyBusy();
    long windowMs = p.par(REGULATION).millis("windowS");
    double maxToggles = p.par(REGULATION).value("maxToggles");
    int keep = (int) Math.round(maxToggles) + 1;
    long now = p.getFixTimeMs();
    for (int i = 0; i < last.length; i++) {
      Boolean value = channel(p, i);
      if (value == null) {
        continue; // not reported: no toggle, keep the last known value
      }
      if (last[i] != null && !last[i].equals(value)) {
        toggles[i].addLast(now);
      }
      last[i] = value;
      while (!toggles[i].isEmpty()
          && (toggles[i].peekFirst() <= now - windowMs || toggles[i].size() > keep)) {
        toggles[i].removeFirst();
      }
    }
    lastFix = p;
    lastFixMs = now;
    lastMaxToggles = maxToggles;
    lastRead = true;
    return busyBefore || anyBusy();
  }

  // on every fix: no list, unlike getBusyChannels()
  private boolean anyBusy() {
    if (lastFix == null) {
      return false;
    }
    double max = maxToggles();
    for (ArrayDeque<Long> t : toggles) {
      if (t.size() > max) {
        return true;
      }
    }
    return false;
  }

  private double maxToggles() {
    return lastRead ? lastMaxToggles : lastFix.par(REGULATION).value("maxToggles");
  }

  /** Toggles of the channel within the window ending at the last fix (capped at maxToggles + 1). */
  public int toggles(String channel) {
    int i = CHANNELS.indexOf(channel);
    return i < 0 ? 0 : toggles[i].size();
  }

  /** The channels toggling more than maxToggles times within the window, at the last fix. */
  public List<String> getBusyChannels() {
    double max = maxToggles();
    List<String> busy = new java.util.ArrayList<>(CHANNELS.size());
    for (int i = 0; i < CHANNELS.size(); i++) {
      if (toggles[i].size() > max) {
        busy.add(CHANNELS.get(i));
      }
    }
    return busy;
  }

  /** Whether the channel toggles more than maxToggles times within the window now. */
  public boolean isBusy(String channel) {
    return getBusyChannels().contains(channel);
  }

  private static Boolean channel(VehiclePoint p, int i) {
    return switch (i) {
      case 0 -> p.getEquipment().plough();
      case 1 -> p.getEquipment().brush();
      default -> p.getEquipment().spreader();
    };
  }

  public VehiclePoint getLastFix() {
    return lastFix;
  }

  public long getLastFixTimeMs() {
    return lastRead ? lastFixMs : lastFix.getFixTimeMs();
  }

  @Override
  public String getVehicleId() {
    return vehicleId;
  }

  @Override
  public String getRegulationId() {
    return REGULATION;
  }

  @Override
  public String toString() {
    return "Int004Sensor[" + vehicleId + " " + lastFix.getFixTime() + "]";
  }
}
