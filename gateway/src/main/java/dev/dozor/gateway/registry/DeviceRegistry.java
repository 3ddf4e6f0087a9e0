package dev.dozor.gateway.registry;

import dev.dozor.events.DeviceRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The devices this gateway accepts, indexed by token hash and by id. Written by one thread (the
 * {@link RegistryConsumer}); read by request threads without locks.
 */
@ApplicationScoped
public class DeviceRegistry {
  private static final Logger LOG = Logger.getLogger(DeviceRegistry.class);

  private final Map<String, DeviceRecord> byId = new ConcurrentHashMap<>();
  private final Map<String, DeviceRecord> byTokenHash = new ConcurrentHashMap<>();
  private volatile boolean complete;

  /**
   * True once the registry topic has been read up to the end offsets seen at start-up. Before that,
   * an unknown token may belong to a device not loaded yet, so it must not be refused as
   * unauthorized.
   */
  public boolean isComplete() {
    return complete;
  }

  /** Called by the registry consumer when it has caught up with the topic. */
  public void markComplete() {
    complete = true;
  }

  /** The device whose token hashes to {@code tokenSha256}. */
  public Optional<DeviceRecord> byTokenHash(String tokenSha256) {
    return Optional.ofNullable(byTokenHash.get(tokenSha256));
  }

  public Optional<DeviceRecord> byId(String deviceId) {
    return Optional.ofNullable(byId.get(deviceId));
  }

  public int size() {
    return byId.size();
  }

  /** Adds or replaces a device; a changed token stops authenticating at once. */
  public void put(DeviceRecord device) {
    DeviceRecord previous = byId.put(device.id(), device);
    if (previous != null && previous.tokenSha256() != null) {
      byTokenHash.remove(previous.tokenSha256(), previous);
    }
    if (device.tokenSha256() != null) {
      DeviceRecord clash = byTokenHash.put(device.tokenSha256(), device);
      if (clash != null && !clash.id().equals(device.id())) {
        LOG.warnf(
            "devices %s and %s share a token hash; %s now owns it",
            clash.id(), device.id(), device.id());
        byId.remove(clash.id(), clash);
      }
    }
    LOG.debugf(
        "device %s %s (vehicle %s, protocol %s)",
        device.id(),
        previous == null ? "registered" : "updated",
        device.vehicleId(),
        device.protocol());
  }

  /** Removes a device (registry tombstone); its token stops authenticating at once. */
  public void remove(String deviceId) {
    DeviceRecord previous = byId.remove(deviceId);
    if (previous != null) {
      if (previous.tokenSha256() != null) {
        byTokenHash.remove(previous.tokenSha256(), previous);
      }
      LOG.debugf("device %s removed", deviceId);
    }
  }
}
