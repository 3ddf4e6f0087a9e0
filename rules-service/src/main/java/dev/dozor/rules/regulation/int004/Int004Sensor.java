package dev.dozor.rules.regulation.int004;

import dev.dozor.rules.engine.RunningTally;
import dev.dozor.rules.engine.VehiclePoint;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamField;
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

  private static final int CHANNEL_COUNT = CHANNELS.size();
  // the ring of each channel starts with this many toggle times, and doubles when it must hold more
  private static final int FIRST_CAPACITY = 4;

  /**
   * The checkpoint's form, as before the sensor kept its channels in bits and one array: the last
   * value of each channel and the deque of its toggle times (see writeObject and readObject).
   */
  private static final ObjectStreamField[] serialPersistentFields = {
    new ObjectStreamField("vehicleId", String.class),
    new ObjectStreamField("last", Boolean[].class),
    new ObjectStreamField("toggles", ArrayDeque[].class),
    new ObjectStreamField("lastFix", VehiclePoint.class)
  };

  private String vehicleId;
  // bit i: channel i has reported a value; and that value (on)
  private transient int reported;
  private transient int on;
  // every channel's toggle times, oldest first, in one array a fix reads whole: times[i] holds
  // channel i's ring as (first index << 32 | count), and its ring is the `capacity` slots from
  // CHANNEL_COUNT + i * capacity
  private transient long[] times;
  private transient int capacity;

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
    allocate(FIRST_CAPACITY);
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
    for (int i = 0; i < CHANNEL_COUNT; i++) {
      Boolean value = channel(p, i);
      if (value == null) {
        continue; // not reported: no toggle, keep the last known value
      }
      int bit = 1 << i;
      if ((reported & bit) != 0 && ((on & bit) != 0) != value) {
        append(i, now);
      }
      reported |= bit;
      on = value ? on | bit : on & ~bit;
      // keep the toggles within the window, at most `keep` of them
      while (count(i) > 0 && (at(i, 0) <= now - windowMs || count(i) > keep)) {
        dropOldest(i);
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
    for (int i = 0; i < CHANNEL_COUNT; i++) {
      if (count(i) > max) {
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
    return i < 0 ? 0 : count(i);
  }

  // ---- the rings of toggle times ----

  private void allocate(int slots) {
    capacity = slots;
    times = new long[CHANNEL_COUNT + CHANNEL_COUNT * slots];
  }

  private int count(int channel) {
    return (int) times[channel];
  }

  private int first(int channel) {
    return (int) (times[channel] >>> 32);
  }

  private void ring(int channel, int first, int count) {
    times[channel] = (long) first << 32 | count;
  }

  /** The index in {@link #times} of the channel's k-th toggle time, oldest first. */
  private int slot(int channel, int k) {
    return CHANNEL_COUNT + channel * capacity + (first(channel) + k) % capacity;
  }

  private long at(int channel, int k) {
    return times[slot(channel, k)];
  }

  private void dropOldest(int channel) {
    ring(channel, (first(channel) + 1) % capacity, count(channel) - 1);
  }

  private void append(int channel, long time) {
    if (count(channel) == capacity) {
      grow();
    }
    int n = count(channel);
    times[slot(channel, n)] = time;
    ring(channel, first(channel), n + 1);
  }

  /** Doubles every channel's ring, each channel's times moved to the start of its new ring. */
  private void grow() {
    long[] grown = new long[CHANNEL_COUNT + CHANNEL_COUNT * capacity * 2];
    for (int i = 0; i < CHANNEL_COUNT; i++) {
      int n = count(i);
      for (int k = 0; k < n; k++) {
        grown[CHANNEL_COUNT + i * capacity * 2 + k] = at(i, k);
      }
      grown[i] = n; // first index 0
    }
    times = grown;
    capacity *= 2;
  }

  // ---- the checkpoint's form ----

  private void writeObject(ObjectOutputStream out) throws IOException {
    Boolean[] last = new Boolean[CHANNEL_COUNT];
    @SuppressWarnings("unchecked")
    ArrayDeque<Long>[] toggles = new ArrayDeque[CHANNEL_COUNT];
    for (int i = 0; i < CHANNEL_COUNT; i++) {
      last[i] = (reported & 1 << i) == 0 ? null : (on & 1 << i) != 0;
      toggles[i] = new ArrayDeque<>();
      for (int k = 0; k < count(i); k++) {
        toggles[i].addLast(at(i, k));
      }
    }
    ObjectOutputStream.PutField fields = out.putFields();
    fields.put("vehicleId", vehicleId);
    fields.put("last", last);
    fields.put("toggles", toggles);
    fields.put("lastFix", lastFix);
    out.writeFields();
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    ObjectInputStream.GetField fields = in.readFields();
    vehicleId = (String) fields.get("vehicleId", null);
    lastFix = (VehiclePoint) fields.get("lastFix", null);
    Boolean[] last = (Boolean[]) fields.get("last", null);
    ArrayDeque<?>[] toggles = (ArrayDeque<?>[]) fields.get("toggles", null);
    if (last == null
        || toggles == null
        || last.length != CHANNEL_COUNT
        || toggles.length != CHANNEL_COUNT) {
      throw new InvalidObjectException("INT-004 sensor of " + vehicleId + ": channels missing");
    }
    allocate(FIRST_CAPACITY);
    for (int i = 0; i < CHANNEL_COUNT; i++) {
      if (last[i] != null) {
        reported |= 1 << i;
        on |= last[i] ? 1 << i : 0;
      }
      if (toggles[i] != null) {
        for (Object time : toggles[i]) {
          append(i, (Long) time);
        }
      }
    }
  }

  /** The channels toggling more than maxToggles times within the window, at the last fix. */
  public List<String> getBusyChannels() {
    double max = maxToggles();
    List<String> busy = new java.util.ArrayList<>(CHANNELS.size());
    for (int i = 0; i < CHANNEL_COUNT; i++) {
      if (count(i) > max) {
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
