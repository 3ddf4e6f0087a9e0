package dev.dozor.events;

import java.util.List;

/**
 * How one kind of tracker is wired ({@link Topics#REGISTRY}, key {@link RegistryKeys#profile}):
 * which raw input carries which equipment channel. Raw input names are those of {@code
 * docs/protocols.md}: {@code din3} (digital input 3), {@code ain1} (analog input 1), {@code cnt2},
 * {@code lls1}, a Wialon IPS parameter name, an OsmAnd query parameter.
 *
 * @param mappings at most one per channel; inputs no mapping names stay raw attributes
 */
public record DeviceProfileRecord(
    int schemaVersion, String id, String name, List<ChannelMapping> mappings) implements Versioned {

  public DeviceProfileRecord {
    mappings = mappings == null ? List.of() : List.copyOf(mappings);
  }

  public static DeviceProfileRecord of(String id, String name, List<ChannelMapping> mappings) {
    return new DeviceProfileRecord(SchemaVersions.DEVICE_PROFILE, id, name, mappings);
  }
}
