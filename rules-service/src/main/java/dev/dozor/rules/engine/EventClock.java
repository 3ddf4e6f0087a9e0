package dev.dozor.rules.engine;

/**
 * The event time the engine has reached: the latest plausible fix time it processed (a fix from a
 * clock running ahead does not move it). One per session, modified after each batch; deadline and
 * shift rules compare their deadlines with it, so they fire even for a vehicle that sends nothing.
 */
public final class EventClock implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private long nowMs;

  public EventClock(long nowMs) {
    this.nowMs = nowMs;
  }

  public long getNowMs() {
    return nowMs;
  }

  void advanceTo(long epochMs) {
    nowMs = Math.max(nowMs, epochMs);
  }

  @Override
  public String toString() {
    return "EventClock[" + java.time.Instant.ofEpochMilli(nowMs) + "]";
  }
}
