package dev.dozor.simulator.protocol;

import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.DeviceRecord;
import dev.dozor.simulator.protocol.egts.EgtsFixEncoder;
import dev.dozor.simulator.protocol.osmand.OsmAndFixEncoder;
import dev.dozor.simulator.protocol.wialon.WialonFixEncoder;
import java.util.Locale;

/** The protocols the gateway accepts; {@link #wireName()} is the registry's protocol string. */
public enum DeviceProtocol {
  HTTP_JSON(DeviceRecord.HTTP_JSON),
  EGTS(DeviceRecord.EGTS),
  WIALON_IPS(DeviceRecord.WIALON_IPS),
  OSMAND(DeviceRecord.OSMAND);

  private final String wireName;

  DeviceProtocol(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The device profile the simulator registers for its trackers of this protocol, or null. */
  public DeviceProfileRecord simulatorProfile() {
    return switch (this) {
      case HTTP_JSON -> null;
      case EGTS -> EgtsFixEncoder.PROFILE;
      case WIALON_IPS -> WialonFixEncoder.PROFILE;
      case OSMAND -> OsmAndFixEncoder.PROFILE;
    };
  }

  /** By wire name ({@code wialon-ips}; {@code wialon} is accepted too), case-insensitive. */
  public static DeviceProtocol byName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.equals("wialon")) {
      return WIALON_IPS;
    }
    for (DeviceProtocol p : values()) {
      if (p.wireName.equals(n)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown protocol '" + name + "': expected http-json, egts, wialon-ips or osmand");
  }
}
