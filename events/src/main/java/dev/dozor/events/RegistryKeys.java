package dev.dozor.events;

/** Keys of the compacted registry topic: {@code <kind>:<id>}. */
public final class RegistryKeys {
  public static final String VEHICLE = "vehicle";
  public static final String DEVICE = "device";
  public static final String PROFILE = "profile";

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
