package dev.dozor.rules.sites;

/**
 * The event time of the site monitor's session: the latest of the visits' end times and the rule
 * engine's watermark (the latest plausible fix time this instance processed). TIM-003's overdue
 * rules compare the sites' due times with it.
 */
public final class SiteClock {
  private long nowMs;

  public SiteClock(long nowMs) {
    this.nowMs = nowMs;
  }

  public long getNowMs() {
    return nowMs;
  }

  /** Moves forward only; returns whether it moved. */
  boolean advanceTo(long epochMs) {
    if (epochMs <= nowMs) {
      return false;
    }
    nowMs = epochMs;
    return true;
  }

  @Override
  public String toString() {
    return "SiteClock[" + java.time.Instant.ofEpochMilli(nowMs) + "]";
  }
}
