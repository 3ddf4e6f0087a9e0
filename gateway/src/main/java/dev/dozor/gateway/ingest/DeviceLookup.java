package dev.dozor.gateway.ingest;

import dev.dozor.events.DeviceRecord;

/** Who a tracker is, by the terminal id it sent. */
public sealed interface DeviceLookup {

  /** A registered device. */
  record Found(DeviceRecord device) implements DeviceLookup {}

  /** No device of the protocol has this terminal id (counted and logged by the lookup). */
  record Unknown(String terminalId) implements DeviceLookup {}

  /**
   * The terminal id is unknown, but the registry is still loading after a start: the tracker must
   * retry later, not be told it is unknown.
   */
  record RegistryLoading(String terminalId) implements DeviceLookup {}
}
