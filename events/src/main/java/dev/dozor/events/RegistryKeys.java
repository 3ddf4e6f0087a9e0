package dev.dozor.events;

/** Keys of the compacted registry topic: {@code <kind>:<id>}. */
public final class RegistryKeys {
  public static final String VEHICLE = "vehicle";
  public static final String DEVICE = "device";
  public static final String PROFILE = "profile";
  public static final String CONTRACTOR = "contractor";
  public static final String OKRUG = "okrug";
  public static final String DISTRICT = "district";
  public static final String ZONE = "zone";
  public static final String SEGMENT = "segment";
  public static final String ASSIGNMENT = "assignment";
  public static final String WEATHER = "weather";

  private RegistryKeys() {}

  public static String vehicle(String id) {
    return VEHICLE + ':' + id;
  }

  public static String device(String id) {
    return DEVICE + ':' + id;
  }

  public static String profile(String id) {
    return PROFILE + ':' + id;
  }

  public static String contractor(String id) {
    return CONTRACTOR + ':' + id;
  }

  public static String okrug(String id) {
    return OKRUG + ':' + id;
  }

  public static String district(String id) {
    return DISTRICT + ':' + id;
  }

  public static String zone(String id) {
    return ZONE + ':' + id;
  }

  public static String segment(String id) {
    return SEGMENT + ':' + id;
  }

  public static String assignment(String id) {
    return ASSIGNMENT + ':' + id;
  }

  public static String weather(String id) {
    return WEATHER + ':' + id;
  }

  /** The kind part of a key, e.g. {@code device}; empty when the key has no kind. */
  public static String kind(String key) {
    int colon = key.indexOf(':');
    return colon < 0 ? "" : key.substring(0, colon);
  }

  /** The id part of a key. */
  public static String id(String key) {
    return key.substring(key.indexOf(':') + 1);
  }
}
