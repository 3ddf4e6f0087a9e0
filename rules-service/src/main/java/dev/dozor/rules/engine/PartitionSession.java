package dev.dozor.rules.engine;

import dev.dozor.events.SegmentPass;
import dev.dozor.events.TelemetryPoint;
import dev.dozor.rules.coverage.CoverageSettings;
import dev.dozor.rules.coverage.RoadNetwork;
import dev.dozor.rules.coverage.SegmentPassMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;

/**
 * The rule session of one Kafka partition: the state of every vehicle whose points arrive there,
 * the assignments of those vehicles, the weather events and the partition's {@link EventClock}.
 * STREAM mode with a pseudo clock advanced by fix time. Not thread-safe: the engine serialises it.
 */
final class PartitionSession {
  /** Far above what one point needs; reaching it means a rule loop. */
  static final int MAX_FIRINGS_PER_POINT = 1_000;

  private final int partition;
  private PointContext context;
  private final EpisodePolicy policy;
  private final ViolationSink sink = new ViolationSink();
  private final SiteVisitSink siteVisits = new SiteVisitSink();
  private final Map<String, VehicleTrack> tracks = new HashMap<>();
  // vehicle -> what it holds in the session, counted by the listener of every session opened
  private final Map<String, HeldState> held = new HashMap<>();
  private final Map<String, FactHandle> assignments = new HashMap<>();
  private final Map<String, AssignmentFact> assignmentFacts = new HashMap<>();
  // vehicle -> segments of its assignments; rebuilt after the assignments changed
  private Map<String, Set<String>> assignedSegments;
  // counts the rebuilds of assignedSegments: a track keeps its vehicle's set while it stays (0:
  // none)
  private long assignedSegmentsVersion;
  private final Map<String, FactHandle> weather = new HashMap<>();
  private final Map<String, WeatherFact> weatherFacts = new HashMap<>();
  private final EventClock eventClock = new EventClock(Long.MIN_VALUE);
  private final SegmentPassMatcher passMatcher;
  private final long passFactRetentionMs;
  private final long maxClockAheadMs;
  // pass id -> the fact and its handle in the session (a growing pass is also kept on its vehicle's
  // track, so its next emission finds it without this map)
  private final Map<String, HeldPass> passFacts = new HashMap<>();
  // never later than the earliest end of a pass fact: the clock's sweep looks at them only once
  // the retention cut-off passes it
  private long earliestPassEndMs = Long.MAX_VALUE;
  // which state facts the rules need before a pass can matter to them, and whether the passes
  // are facts in the session (from the first such fact on, until the session is rebuilt; before,
  // they are kept here only, with no handle)
  private PassFactUse passUse = PassFactUse.NONE;
  private boolean passesInSession;
  private KieSession session;
  private SessionPseudoClock clock;
  private FactHandle eventClockHandle;
  private final BatchWarmUp warmUp = new BatchWarmUp();

  PartitionSession(
      int partition,
      KieBase kieBase,
      PointContext context,
      EpisodePolicy policy,
      CoverageSettings coverage,
      RoadNetwork roads,
      long maxClockAheadMs) {
    this.partition = partition;
    this.maxClockAheadMs = maxClockAheadMs;
    this.context = context;
    this.policy = policy;
    this.passMatcher = new SegmentPassMatcher(roads, coverage.matcher());
    this.passFactRetentionMs = coverage.passFactRetention().toMillis();
    open(kieBase, List.of());
  }

  private void open(KieBase kieBase, Collection<Object> carried) {
    KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
    conf.setOption(ClockTypeOption.PSEUDO);
    session = kieBase.newKieSession(conf, null);
    passUse = PassFactUse.of(kieBase);
    passesInSession = false;
    passFacts.values().forEach(h -> h.handle = null);
    held.clear();
    tracks.values().forEach(t -> t.held = null);
    session.addEventListener(new HeldStateCounter());
    clock = session.getSessionClock();
    session.setGlobal("sink", sink);
    session.setGlobal("siteVisits", siteVisits);
    session.insert(policy);
    eventClockHandle = session.insert(eventClock);
    if (eventClock.getNowMs() != Long.MIN_VALUE) {
      clock.advanceTime(eventClock.getNowMs(), TimeUnit.MILLISECONDS);
    }
    assignments.clear();
    assignmentFacts.values().forEach(a -> assignments.put(a.getId(), session.insert(a)));
    weather.clear();
    weatherFacts.values().forEach(w -> weather.put(w.getId(), session.insert(w)));
    if (passUse.needed()) {
      insertPassFacts();
    }
    carried.forEach(session::insert);
  }

  /**
   * Makes the held passes facts, from now on: the rules may join them now (a state fact they need
   * was inserted, or they need none). Called by the listener in the middle of the insert of that
   * fact, before the engine evaluates anything, so the rules see the passes as if they had been
   * facts all along.
   */
  private void insertPassFacts() {
    passesInSession = true;
    passFacts.values().forEach(h -> h.handle = session.insert(h.fact));
  }

  int partition() {
    return partition;
  }

  /**
   * Runs the rules on the points of these vehicles, each vehicle's in fix-time order. A point not
   * newer than the vehicle's last processed fix is skipped by the rules; it still goes to the
   * segment-pass matcher (a black box uploaded after live data is matched in its own lane; exact
   * repeats are ignored). Valid points are matched to road segments before the rules see them; the
   * passes found are added to {@code passes} and become {@link SegmentPassFact}s.
   *
   * <p>The points go through the rules in rounds: the first point of every vehicle, then the
   * second, … Rules never join the points of two vehicles, so a vehicle's points are evaluated in
   * its own order, each after the one before has fired, as if alone; a round shares one pass of the
   * engine over the rules it reaches (docs/regulations.md, "How the engine evaluates"). The changes
   * come out vehicle by vehicle, as if the vehicles had been evaluated one after the other.
   *
   * @param byVehicle each vehicle's points, in fix-time order
   * @return how many points were skipped
   */
  int acceptAll(
      Map<String, List<TelemetryPoint>> byVehicle,
      long wallNowMs,
      List<EpisodeChange> out,
      List<SegmentPass> passes) {
    Instant wallNow = Instant.ofEpochMilli(wallNowMs);
    List<VehicleTrack> lanes = new ArrayList<>(byVehicle.size());
    List<List<TelemetryPoint>> lanePoints = new ArrayList<>(byVehicle.size());
    int rounds = 0;
    VehicleTrack[] known = knownTracks(byVehicle.keySet());
    int k = 0;
    for (Map.Entry<String, List<TelemetryPoint>> e : byVehicle.entrySet()) {
      VehicleTrack track = known[k++];
      if (track == null) {
        track = tracks.computeIfAbsent(e.getKey(), VehicleTrack::new);
      }
      track.lastSeenWallMs = wallNowMs;
      track.lane = lanes.size();
      lanes.add(track);
      lanePoints.add(e.getValue());
      rounds = Math.max(rounds, e.getValue().size());
    }
    warmUp.read(lanes);
    List<EpisodeChange> changes = new ArrayList<>();
    List<SegmentPass> found = new ArrayList<>();
    List<VehiclePoint> round = new ArrayList<>(lanes.size());
    int skipped = 0;
    for (int r = 0; r < rounds; r++) {
      for (int lane = 0; lane < lanes.size(); lane++) {
        List<TelemetryPoint> inOrder = lanePoints.get(lane);
        if (r >= inOrder.size()) {
          continue;
        }
        VehiclePoint fact = admit(inOrder.get(r), lanes.get(lane), wallNow, found, passes);
        if (fact == null) {
          skipped++;
        } else {
          round.add(fact);
        }
      }
      evaluate(round, changes);
      round.clear();
    }
    for (VehicleTrack track : lanes) {
      passMatcher.endOfBatch(track.vehicleId, track.matching, wallNow, found);
    }
    if (insertPasses(found, passes) && !lanes.isEmpty()) {
      fire(lanes.size(), lanes.get(0).vehicleId);
      changes.addAll(sink.drain());
    }
    out.addAll(inVehicleOrder(changes, lanes));
    return skipped;
  }

  /**
   * The tracks of these vehicles, null for a vehicle the session does not know yet, looked up in a
   * loop that does nothing else: at 20,000 vehicles the map's entries are rarely in the processor's
   * caches, and with no other work between them the look-ups of different vehicles wait for memory
   * together (see {@link BatchWarmUp}).
   */
  private VehicleTrack[] knownTracks(Collection<String> vehicleIds) {
    VehicleTrack[] known = new VehicleTrack[vehicleIds.size()];
    int i = 0;
    for (String vehicleId : vehicleIds) {
      known[i++] = tracks.get(vehicleId);
    }
    return known;
  }

  /**
   * The changes grouped by vehicle in the order the vehicles were given (their lanes), each
   * vehicle's in the order they happened: the order evaluating one vehicle after the other gave
   * (downstream only each vehicle's order counts; tests and the what-if diff compare whole lists).
   * Changes of a vehicle outside the batch come last, in their order. Each change's vehicle is
   * looked up once; the batch's other vehicles are not looked at.
   */
  private List<EpisodeChange> inVehicleOrder(
      List<EpisodeChange> changes, List<VehicleTrack> lanes) {
    int n = changes.size();
    if (n < 2 || lanes.size() < 2) {
      return changes;
    }
    // lane in the high half, position in the low half: sorting the keys is a stable sort by lane
    long[] keys = new long[n];
    boolean ordered = true;
    for (int i = 0; i < n; i++) {
      keys[i] = (long) laneOf(changes.get(i).vehicleId(), lanes) << 32 | i;
      ordered &= i == 0 || keys[i - 1] < keys[i];
    }
    if (ordered) {
      return changes;
    }
    java.util.Arrays.sort(keys);
    List<EpisodeChange> sorted = new ArrayList<>(n);
    for (long key : keys) {
      sorted.add(changes.get((int) key));
    }
    return sorted;
  }

  /** The vehicle's lane in this batch, or the number of lanes for a vehicle outside it. */
  private int laneOf(String vehicleId, List<VehicleTrack> lanes) {
    VehicleTrack track = tracks.get(vehicleId);
    int lane = track == null ? -1 : track.lane;
    return lane >= 0 && lane < lanes.size() && lanes.get(lane) == track ? lane : lanes.size();
  }

  /**
   * Makes the fact of one point and moves its vehicle's track and the session clock forward, or
   * returns null for a point not newer than the vehicle's last processed fix (it still goes to the
   * matcher).
   */
  private VehiclePoint admit(
      TelemetryPoint p,
      VehicleTrack track,
      Instant wallNow,
      List<SegmentPass> found,
      List<SegmentPass> passes) {
    long fixMs = p.fixTime().toEpochMilli();
    if (fixMs <= track.lastFixMs) {
      passMatcher.accept(matching(track), p, wallNow, found);
      return null;
    }
    HeldState heldNow = heldState(track);
    if (p.receivedAt() != null && fixMs - p.receivedAt().toEpochMilli() > maxClockAheadMs) {
      // a single fix stamped hours ahead must not make the vehicle's real fixes look old, end
      // its episodes or move the clock: INT-005 alone sees it
      return PointEnricher.enrich(p, track.copy(), context)
          .markClockAhead()
          .held(heldNow)
          .track(track);
    }
    VehiclePoint fact = PointEnricher.enrich(p, track, context).held(heldNow).track(track);
    if (fixMs > clock.getCurrentTime()) {
      clock.advanceTime(fixMs - clock.getCurrentTime(), TimeUnit.MILLISECONDS);
    }
    if (fact.isValid()) {
      passMatcher.accept(matching(track), p, wallNow, found);
    }
    insertPasses(found, passes, track);
    return fact;
  }

  /** The matcher's state of the track's vehicle, kept on the track while the matcher holds it. */
  private SegmentPassMatcher.VehicleState matching(VehicleTrack track) {
    track.matching = passMatcher.vehicle(track.vehicleId, track.matching);
    return track.matching;
  }

  /** Counts the state facts of each vehicle as the session takes them in and drops them. */
  private final class HeldStateCounter extends DefaultRuleRuntimeEventListener {
    @Override
    public void objectInserted(ObjectInsertedEvent event) {
      if (event.getObject() instanceof VehicleState s) {
        if (!passesInSession && passUse.opens(s.getClass())) {
          insertPassFacts();
        }
        if (s.getVehicleId() != null) {
          held.computeIfAbsent(s.getVehicleId(), v -> new HeldState())
              .add(s, event.getFactHandle());
        }
      }
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
      if (event.getOldObject() instanceof VehicleState s && s.getVehicleId() != null) {
        HeldState h = held.get(s.getVehicleId());
        if (h != null) {
          h.remove(s);
          if (h.isEmpty()) {
            held.remove(s.getVehicleId());
          }
        }
      }
    }
  }

  /**
   * One round of points (at most one a vehicle) through the rules: the running tallies that count a
   * fix before the rules take the valid points, insert, fire, the other tallies take them (and the
   * rules fire again if a tally changed what they read), delete; the episode changes go to {@code
   * out}.
   */
  private void evaluate(List<VehiclePoint> round, List<EpisodeChange> out) {
    if (round.isEmpty()) {
      return;
    }
    List<FactHandle> handles = new ArrayList<>(round.size());
    long nowMs = eventClock.getNowMs();
    for (VehiclePoint point : round) {
      if (point.isValid()) {
        heldOf(point).take(RunningTally.Phase.BEFORE_RULES, point, nowMs, this::tallyChanged);
      }
      handles.add(session.insert(point));
    }
    fire(round.size(), round.get(0).getVehicleId());
    int changed = 0;
    for (VehiclePoint point : round) {
      if (point.isValid()) {
        // what the vehicle holds now: the rules may have started a tally on this very point
        changed +=
            heldOf(point).take(RunningTally.Phase.AFTER_RULES, point, nowMs, this::tallyChanged);
      }
    }
    if (changed > 0) {
      fire(round.size(), round.get(0).getVehicleId());
    }
    for (int i = 0; i < handles.size(); i++) {
      session.delete(handles.get(i));
      round.get(i).forgetLookups();
    }
    out.addAll(sink.drain());
  }

  private void tallyChanged(FactHandle handle) {
    session.update(handle, handle.getObject());
  }

  /** Moves the partition's event time forward and lets deadline rules fire. */
  void advanceEventTime(long epochMs, List<EpisodeChange> out) {
    if (epochMs <= eventClock.getNowMs()) {
      return;
    }
    eventClock.advanceTo(epochMs);
    dropPassesEndedBefore(epochMs - passFactRetentionMs);
    if (epochMs > clock.getCurrentTime()) {
      clock.advanceTime(epochMs - clock.getCurrentTime(), TimeUnit.MILLISECONDS);
    }
    session.update(eventClockHandle, eventClock);
    fireForAll("(event clock)");
    out.addAll(sink.drain());
  }

  long eventTimeMs() {
    return eventClock.getNowMs();
  }

  /** Makes the session's assignments equal to these (the vehicles of this partition). */
  void syncAssignments(Collection<AssignmentFact> wanted, List<EpisodeChange> out) {
    assignedSegments = null;
    Map<String, AssignmentFact> byId = new HashMap<>();
    wanted.forEach(a -> byId.put(a.getId(), a));
    for (Iterator<Map.Entry<String, AssignmentFact>> it = assignmentFacts.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<String, AssignmentFact> e = it.next();
      AssignmentFact now = byId.get(e.getKey());
      if (now == null) {
        session.delete(assignments.remove(e.getKey()));
        it.remove();
      } else if (!now.equals(e.getValue())) {
        session.delete(assignments.remove(e.getKey()));
        assignments.put(e.getKey(), session.insert(now));
        e.setValue(now);
      }
    }
    byId.forEach(
        (id, a) -> {
          if (!assignmentFacts.containsKey(id)) {
            assignmentFacts.put(id, a);
            assignments.put(id, session.insert(a));
          }
        });
    fireForAll("(assignments)");
    out.addAll(sink.drain());
  }

  /** Makes the session's weather events equal to these. */
  void syncWeather(Collection<WeatherFact> wanted, List<EpisodeChange> out) {
    Set<String> ids = new HashSet<>();
    for (WeatherFact w : wanted) {
      ids.add(w.getId());
      WeatherFact had = weatherFacts.get(w.getId());
      if (had != null && !had.equals(w)) {
        session.delete(weather.remove(w.getId()));
        weatherFacts.remove(w.getId());
      }
      if (!weatherFacts.containsKey(w.getId())) {
        weatherFacts.put(w.getId(), w);
        weather.put(w.getId(), session.insert(w));
      }
    }
    for (Iterator<String> it = weatherFacts.keySet().iterator(); it.hasNext(); ) {
      String id = it.next();
      if (!ids.contains(id)) {
        session.delete(weather.remove(id));
        it.remove();
      }
    }
    fireForAll("(weather)");
    out.addAll(sink.drain());
  }

  /**
   * Ends the state of vehicles not seen since the threshold: their open episodes close (the rules
   * see {@link EndOfData}) and every state fact of theirs is dropped.
   */
  void endIdle(long wallThresholdMs, List<EpisodeChange> out) {
    List<String> idle = new ArrayList<>();
    tracks.forEach(
        (vehicleId, track) -> {
          if (track.lastSeenWallMs < wallThresholdMs) {
            idle.add(vehicleId);
          }
        });
    if (idle.isEmpty()) {
      return;
    }
    for (String vehicleId : idle) {
      VehicleTrack track = tracks.remove(vehicleId);
      FactHandle eod = session.insert(new EndOfData(vehicleId, track.lastFixMs));
      fire(1, vehicleId);
      session.delete(eod);
    }
    out.addAll(sink.drain());
    Set<String> gone = new HashSet<>(idle);
    // a copy: the handles are a live view of the session, deleting while iterating it throws
    for (FactHandle h :
        new ArrayList<FactHandle>(
            session.getFactHandles(
                o -> o instanceof VehicleState s && gone.contains(s.getVehicleId())))) {
      session.delete(h);
    }
  }

  /**
   * Moves every fact into a session of another KieBase (a newly activated regulation version).
   * State of regulations the new set does not have is dropped.
   */
  void rebase(KieBase kieBase, Set<String> regulationIds, PointContext nextContext) {
    this.context = nextContext;
    List<Object> carried = new ArrayList<>();
    for (Object o : session.getObjects(o -> o instanceof VehicleState)) {
      if (regulationIds.contains(((VehicleState) o).getRegulationId())) {
        carried.add(o);
      }
    }
    session.dispose();
    open(kieBase, carried);
  }

  int vehicles() {
    return tracks.size();
  }

  long factCount() {
    return session.getFactCount();
  }

  /** State facts of one vehicle (tests of the state bound). */
  long stateFactCount(String vehicleId) {
    return stateFacts(vehicleId).size();
  }

  /** What the point's vehicle holds, through its track when the point has one. */
  private HeldState heldOf(VehiclePoint point) {
    return point.track() != null ? heldState(point.track()) : heldState(point.getVehicleId());
  }

  /**
   * {@link #heldState(String)} of the track's vehicle, through the track: a vehicle's held state
   * stays the same object while it holds something (an emptied one leaves the map for good, and a
   * new session forgets every track's), so a non-empty one kept on the track is the map's.
   */
  private HeldState heldState(VehicleTrack track) {
    HeldState h = track.held;
    if (h == null || h.isEmpty()) {
      h = heldState(track.vehicleId);
      track.held = h == HeldState.NONE ? null : h;
    }
    return h;
  }

  /**
   * What the session counted for one vehicle ({@link HeldState#NONE} when nothing): what its next
   * point carries; tests check it against {@link #stateFacts}.
   */
  HeldState heldState(String vehicleId) {
    HeldState h = held.get(vehicleId);
    return h == null ? HeldState.NONE : h;
  }

  /** {@link #heldState(String)} as the vehicle's next fix gets it, through its track (tests). */
  HeldState heldStateOfNextFix(String vehicleId) {
    VehicleTrack track = tracks.get(vehicleId);
    return track == null ? heldState(vehicleId) : heldState(track);
  }

  /** The state facts of one vehicle (tests). */
  List<VehicleState> stateFacts(String vehicleId) {
    List<VehicleState> facts = new ArrayList<>();
    for (Object o :
        session.getObjects(
            o -> o instanceof VehicleState s && s.getVehicleId().equals(vehicleId))) {
      facts.add((VehicleState) o);
    }
    return facts;
  }

  void dispose() {
    session.dispose();
  }

  /** The road network the segment-pass matcher uses from now on. */
  void roads(RoadNetwork roads) {
    if (passMatcher.network() != roads) {
      passMatcher.network(roads);
    }
  }

  /**
   * Publishes the open passes of vehicles quiet (wall time) for longer than the pass gap and
   * forgets the matching state of vehicles idle for longer than the matcher's idle limit.
   */
  void closeIdlePasses(long wallNowMs, List<SegmentPass> passes) {
    List<SegmentPass> found = passMatcher.closeIdle(Instant.ofEpochMilli(wallNowMs));
    if (insertPasses(found, passes)) {
      fireForAll("(segment passes)");
    }
  }

  /** Segment-pass facts held (tests of the state bound). */
  long passFactCount() {
    return passFacts.size();
  }

  /**
   * Moves the passes found into {@code passes} and makes (or grows) the facts of those on a segment
   * of one of the vehicle's assignments: no rule joins any other pass.
   *
   * @return whether a fact was inserted or changed
   */
  private boolean insertPasses(List<SegmentPass> found, List<SegmentPass> passes) {
    return insertPasses(found, passes, null);
  }

  /**
   * @param track the track of the vehicle whose point found the passes, if known: its passes' own
   *     (looked up in the session's map of every vehicle otherwise)
   */
  private boolean insertPasses(
      List<SegmentPass> found, List<SegmentPass> passes, VehicleTrack track) {
    boolean changed = false;
    for (SegmentPass p : found) {
      VehicleTrack own =
          track != null && track.vehicleId.equals(p.vehicleId())
              ? track
              : tracks.get(p.vehicleId());
      if (!assigned(own, p.vehicleId(), p.segmentId())) {
        continue;
      }
      // a vehicle's pass grows over many fixes, under one id string: its track keeps it at hand
      HeldPass held = own == null ? null : own.lastPass;
      if (held == null || held.dropped || held.id != p.passId()) {
        held = passFacts.get(p.passId());
      }
      SegmentPassFact had = held == null ? null : held.fact;
      SegmentPassFact now = had == null ? SegmentPassFact.of(p) : had.grownTo(p);
      earliestPassEndMs = Math.min(earliestPassEndMs, now.getEndedAtMs());
      // kept here only while no rule can join it (no handle): the session has nothing to look at
      changed |= passesInSession;
      if (had == null) {
        held = new HeldPass(p.passId(), now, passesInSession ? session.insert(now) : null);
        passFacts.put(p.passId(), held);
      } else if (!now.equals(had)) {
        held.fact = now;
        if (held.handle != null) {
          session.update(held.handle, now);
        }
      }
    }
    passes.addAll(found);
    found.clear();
    return changed;
  }

  /** Whether the segment is assigned to the vehicle (whose track, if it has one, is given). */
  private boolean assigned(VehicleTrack track, String vehicleId, String segmentId) {
    if (track != null
        && track.assignedSegmentsVersion == assignedSegmentsVersion
        && assignedSegments != null) {
      // the batch's tracks were just looked up; the session's map of every vehicle is cold
      return track.assignedSegments.contains(segmentId);
    }
    if (assignedSegments == null) {
      assignedSegmentsVersion++;
      assignedSegments = new HashMap<>();
      for (AssignmentFact a : assignmentFacts.values()) {
        assignedSegments
            .computeIfAbsent(a.getVehicleId(), v -> new HashSet<>())
            .addAll(a.getSegmentIds());
      }
    }
    Set<String> segments = assignedSegments.getOrDefault(vehicleId, Set.of());
    if (track != null) {
      track.assignedSegments = segments;
      track.assignedSegmentsVersion = assignedSegmentsVersion;
    }
    return segments.contains(segmentId);
  }

  /**
   * The bound of the pass facts: none outlives the retention past its end (event time). Every clock
   * tick calls this; the facts are looked at only when one of them may be due.
   */
  private void dropPassesEndedBefore(long epochMs) {
    if (epochMs <= earliestPassEndMs) {
      return;
    }
    long earliest = Long.MAX_VALUE;
    for (Iterator<HeldPass> it = passFacts.values().iterator(); it.hasNext(); ) {
      HeldPass held = it.next();
      long end = held.fact.getEndedAtMs();
      if (end < epochMs) {
        if (held.handle != null) {
          session.delete(held.handle);
        }
        held.dropped = true;
        it.remove();
      } else {
        earliest = Math.min(earliest, end);
      }
    }
    earliestPassEndMs = earliest;
  }

  /** Fires for the points of {@code vehicles} vehicles (the first named when the guard trips). */
  private void fire(int vehicles, String firstVehicleId) {
    int limit = MAX_FIRINGS_PER_POINT * vehicles;
    int fired = session.fireAllRules(limit);
    if (fired >= limit) {
      throw new IllegalStateException(
          "rules fired "
              + fired
              + " times on one point of each of "
              + vehicles
              + " vehicles (the first "
              + firstVehicleId
              + "): a rule loop");
    }
  }

  /**
   * Fires after a change that concerns every vehicle of the partition (the event clock, the
   * registry): each vehicle may legitimately need a few firings, so the loop guard scales.
   */
  private void fireForAll(String what) {
    long limit = (long) MAX_FIRINGS_PER_POINT * (1 + tracks.size() + assignmentFacts.size());
    int max = (int) Math.min(Integer.MAX_VALUE, limit);
    int fired = session.fireAllRules(max);
    if (fired >= max) {
      throw new IllegalStateException(
          "rules fired "
              + fired
              + " times on "
              + what
              + " for "
              + tracks.size()
              + " vehicles: a rule loop");
    }
  }

  /** A segment-pass fact, its id and its handle in the session (null while kept aside). */
  static final class HeldPass {
    final String id;
    SegmentPassFact fact;
    FactHandle handle;
    // no longer held by the session (a track may still point at it)
    boolean dropped;

    HeldPass(String id, SegmentPassFact fact, FactHandle handle) {
      this.id = id;
      this.fact = fact;
      this.handle = handle;
    }
  }

  private Map<String, SegmentPassFact> passFactsById() {
    Map<String, SegmentPassFact> byId = new HashMap<>();
    passFacts.forEach((id, held) -> byId.put(id, held.fact));
    return byId;
  }

  /** The state of this partition now (call between batches). */
  PartitionSnapshot snapshot() {
    List<VehicleState> states = new ArrayList<>();
    for (Object o : session.getObjects(o -> o instanceof VehicleState)) {
      states.add((VehicleState) o);
    }
    Map<String, VehicleTrack> copy = new HashMap<>(tracks);
    return new PartitionSnapshot(
        partition, eventClock.getNowMs(), copy, states, passFactsById(), passMatcher.exportState());
  }

  /**
   * Takes over a checkpointed state: the tracks, the state facts of the regulations this set has,
   * and the event clock. Vehicles count as seen now (wall time), so none is taken for silent.
   */
  void restore(
      PartitionSnapshot snapshot,
      Set<String> regulationIds,
      long wallNowMs,
      Collection<AssignmentFact> plannedAssignments,
      Collection<WeatherFact> weatherEvents) {
    // the registry facts go in together with the state that already reflects them, and nothing
    // fires: rules that react to a new assignment must not see them as new
    assignedSegments = null;
    for (AssignmentFact a : plannedAssignments) {
      assignmentFacts.put(a.getId(), a);
      assignments.put(a.getId(), session.insert(a));
    }
    for (WeatherFact w : weatherEvents) {
      weatherFacts.put(w.getId(), w);
      weather.put(w.getId(), session.insert(w));
    }
    snapshot
        .tracks()
        .forEach(
            (vehicleId, track) -> {
              track.lastSeenWallMs = wallNowMs;
              track.held = null; // another session's, if the snapshot was not serialized
              track.lastPass = null;
              tracks.put(vehicleId, track);
            });
    passMatcher.importState(snapshot.passMatching());
    snapshot
        .passFacts()
        .forEach(
            (id, f) -> {
              HeldPass replaced =
                  passFacts.put(
                      id, new HeldPass(id, f, passesInSession ? session.insert(f) : null));
              if (replaced != null) {
                replaced.dropped = true;
              }
              earliestPassEndMs = Math.min(earliestPassEndMs, f.getEndedAtMs());
            });
    for (VehicleState state : snapshot.states()) {
      if (regulationIds.contains(state.getRegulationId())) {
        session.insert(state);
      }
    }
    if (snapshot.eventClockMs() != Long.MIN_VALUE
        && snapshot.eventClockMs() > eventClock.getNowMs()) {
      eventClock.advanceTo(snapshot.eventClockMs());
      if (snapshot.eventClockMs() > clock.getCurrentTime()) {
        clock.advanceTime(snapshot.eventClockMs() - clock.getCurrentTime(), TimeUnit.MILLISECONDS);
      }
      session.update(eventClockHandle, eventClock);
    }
  }

  /** State facts of one vehicle kept by one regulation (tests of a regulation's state bound). */
  long stateFactCount(String vehicleId, String regulationId) {
    return session
        .getObjects(
            o ->
                o instanceof VehicleState s
                    && s.getVehicleId().equals(vehicleId)
                    && s.getRegulationId().equals(regulationId))
        .size();
  }

  /** Container-site visits (TIM-003) the rules reported since the last call. */
  List<dev.dozor.rules.sites.SiteVisit> drainSiteVisits() {
    return siteVisits.drain();
  }
}
