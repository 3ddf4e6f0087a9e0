package dev.dozor.simulator.fault;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which faults to inject and how often. A rate is the expected number of episodes per eligible
 * vehicle per hour of shift (over-speed: ploughs only; spreading while standing and bad spread
 * rate: spreaders only; sweeping too fast: sweepers only; sensor flapping: ploughs, sweepers and
 * spreaders; the others: every vehicle). Episodes of one vehicle never overlap and are at least
 * {@link #COOL_DOWN} apart, so very high rates saturate below the asked value. Odometer drift is
 * the exception: it lasts a whole shift, alongside the other faults, and a vehicle's shift drifts
 * with probability {@code 1 - exp(-rate × shift hours)} (at least one Poisson arrival).
 *
 * @param ratesPerHour episodes per vehicle-hour, by fault; absent or 0 = off
 * @param offlineMin shortest offline period
 * @param offlineMax longest offline period
 */
public record FaultPlan(
    Map<FaultType, Double> ratesPerHour, Duration offlineMin, Duration offlineMax) {
  /** Quiet time after each episode, so consecutive episodes are separate for the rules. */
  public static final Duration COOL_DOWN = Duration.ofMinutes(2);

  public static final Duration DEFAULT_OFFLINE_MIN = Duration.ofMinutes(5);
  public static final Duration DEFAULT_OFFLINE_MAX = Duration.ofMinutes(15);

  /** Highest accepted rate, episodes per vehicle-hour. */
  public static final double MAX_RATE_PER_HOUR = 60;

  public FaultPlan {
    EnumMap<FaultType, Double> copy = new EnumMap<>(FaultType.class);
    if (ratesPerHour != null) {
      ratesPerHour.forEach(
          (type, rate) -> {
            if (type == FaultType.OFFENDER_CYCLE) {
              throw new IllegalArgumentException(
                  "the offender cycle is configured with offenders, not a rate");
            }
            if (rate == null || !(rate >= 0 && rate <= MAX_RATE_PER_HOUR)) {
              throw new IllegalArgumentException(
                  "rate of "
                      + type.flagName()
                      + " must be 0.."
                      + (int) MAX_RATE_PER_HOUR
                      + " per vehicle-hour, got "
                      + rate);
            }
            if (rate > 0) {
              copy.put(type, rate);
            }
          });
    }
    ratesPerHour = Collections.unmodifiableMap(copy);
    if (offlineMin == null
        || offlineMax == null
        || offlineMin.compareTo(Duration.ofSeconds(10)) < 0
        || offlineMax.compareTo(offlineMin) < 0
        || offlineMax.compareTo(Duration.ofHours(6)) > 0) {
      throw new IllegalArgumentException(
          "offline period must satisfy 10s <= min <= max <= 6h, got "
              + offlineMin
              + ".."
              + offlineMax);
    }
  }

  /** No faults. */
  public static FaultPlan none() {
    return new FaultPlan(Map.of(), DEFAULT_OFFLINE_MIN, DEFAULT_OFFLINE_MAX);
  }

  /** This plan with {@code type} at {@code perHour} episodes per vehicle-hour (0 switches off). */
  public FaultPlan with(FaultType type, double perHour) {
    EnumMap<FaultType, Double> copy = new EnumMap<>(FaultType.class);
    copy.putAll(ratesPerHour);
    copy.put(type, perHour);
    return new FaultPlan(copy, offlineMin, offlineMax);
  }

  /** This plan with offline periods between {@code min} and {@code max}. */
  public FaultPlan withOffline(Duration min, Duration max) {
    return new FaultPlan(ratesPerHour, min, max);
  }

  public double rate(FaultType type) {
    return ratesPerHour.getOrDefault(type, 0.0);
  }

  public boolean isEmpty() {
    return ratesPerHour.isEmpty();
  }

  /**
   * Parses {@code NAME=RATE}: {@code overspeed=2/h}, {@code gaps=0.5} (per hour), {@code
   * jumps=1/min}, {@code offline=0} (off).
   */
  public static Map.Entry<FaultType, Double> parseFlag(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(
          "invalid fault '" + text + "': expected NAME=RATE, e.g. overspeed=2/h");
    }
    FaultType type = FaultType.byName(text.substring(0, eq));
    String rate = text.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
    double factor = 1;
    if (rate.endsWith("/h")) {
      rate = rate.substring(0, rate.length() - 2);
    } else if (rate.endsWith("/min")) {
      rate = rate.substring(0, rate.length() - 4);
      factor = 60;
    }
    double value;
    try {
      value = Double.parseDouble(rate) * factor;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "invalid rate in '" + text + "': expected e.g. 2/h, 0.5/h or 1/min");
    }
    if (!(value >= 0 && value <= MAX_RATE_PER_HOUR)) {
      throw new IllegalArgumentException(
          "rate in '" + text + "' must be 0.." + (int) MAX_RATE_PER_HOUR + " per hour");
    }
    return Map.entry(type, value);
  }
}
