package dev.dozor.gateway.registry;

import dev.dozor.events.DeviceProfileRecord;
import dev.dozor.events.DeviceRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The devices this gateway accepts, indexed by id, by token hash and by the terminal id each
 * protocol sends, plus the device profiles that map their raw inputs. Written by one thread (the
 * {@link RegistryConsumer}); read by request and connection threads without locks.
 */
@ApplicationScoped
public class DeviceRegistry {
  private static final Logger LOG = Logger.getLogger(DeviceRegistry.class);

  private final Map<String, DeviceRecord> byId = new ConcurrentHashMap<>();
  private final Map<String, DeviceRecord> byTokenHash = new ConcurrentHashMap<>();
  private final Map<TerminalKey, DeviceRecord> byTerminal = new ConcurrentHashMap<>();
  private final Map<String, DeviceProfileRecord> profiles = new ConcurrentHashMap<>();
  private volatile boolean complete;

  /** What a tracker identifies itself with, per protocol (an IMEI may be reused across them). */
  private record TerminalKey(String protocol, String terminalId) {}

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

  /**
   * The device of {@code protocol} ({@link DeviceRecord#OSMAND}, {@link DeviceRecord#EGTS}, ...)
   * that identifies itself as {@code terminalId}; exact match, case-sensitive.
   */
  public Optional<DeviceRecord> byTerminal(String protocol, String terminalId) {
    if (protocol == null || terminalId == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(byTerminal.get(new TerminalKey(protocol, terminalId)));
  }

  /** The profile with this id. */
  public Optional<DeviceProfileRecord> profile(String profileId) {
    return profileId == null ? Optional.empty() : Optional.ofNullable(profiles.get(profileId));
  }

  /**
   * The profile that maps the raw inputs of {@code device}; empty when it names none or names one
   * not (yet) in the registry — its inputs then stay raw attributes.
   */
  public Optional<DeviceProfileRecord> profileOf(DeviceRecord device) {
    return profile(device.profileId());
  }

  public int size() {
    return byId.size();
  }

  public int profileCount() {
    return profiles.size();
  }

  /** Adds or replaces a device; a changed token or terminal id stops matching at once. */
  public void put(DeviceRecord device) {
    DeviceRecord previous = byId.put(device.id(), device);
    if (previous != null) {
      unindex(previous);
    }
    if (authenticatesByToken(device)) {
      DeviceRecord clash = byTokenHash.put(device.tokenSha256(), device);
      if (clash != null && !clash.id().equals(device.id())) {
        LOG.warnf(
            "devices %s and %s share a token hash; %s now owns it",
            clash.id(), device.id(), device.id());
        if (byId.remove(clash.id(), clash)) {
          unindexTerminal(clash);
        }
      }
    }
    TerminalKey terminal = terminalKey(device);
    if (terminal != null) {
      DeviceRecord clash = byTerminal.put(terminal, device);
      if (clash != null && !clash.id().equals(device.id())) {
        // the older device stays known by id and token, but its terminal id no longer resolves
        LOG.warnf(
            "devices %s and %s both claim %s terminal id %s; %s now owns it",
            clash.id(), device.id(), terminal.protocol(), terminal.terminalId(), device.id());
      }
    }
    LOG.debugf(
        "device %s %s (vehicle %s, protocol %s, terminal %s, profile %s)",
        device.id(),
        previous == null ? "registered" : "updated",
        device.vehicleId(),
        device.protocol(),
        device.terminalId(),
        device.profileId());
  }

  /** Removes a device (registry tombstone); its token and terminal id stop matching at once. */
  public void remove(String deviceId) {
    DeviceRecord previous = byId.remove(deviceId);
    if (previous != null) {
      unindex(previous);
      LOG.debugf("device %s removed", deviceId);
    }
  }

  /** Adds or replaces a profile; devices naming it use the new mapping from their next fix on. */
  public void putProfile(DeviceProfileRecord profile) {
    DeviceProfileRecord previous = profiles.put(profile.id(), profile);
    LOG.debugf(
        "profile %s %s (%d mappings)",
        profile.id(), previous == null ? "registered" : "updated", profile.mappings().size());
  }

  /** Removes a profile (tombstone): devices naming it keep their inputs as raw attributes. */
  public void removeProfile(String profileId) {
    if (profiles.remove(profileId) != null) {
      LOG.debugf("profile %s removed", profileId);
    }
  }

  /**
   * Only HTTP JSON devices are found by token; a Wialon IPS password hash is checked after the
   * lookup by IMEI, and several Wialon devices may share one password.
   */
  private static boolean authenticatesByToken(DeviceRecord device) {
    return device.tokenSha256() != null
        && (device.protocol() == null || DeviceRecord.HTTP_JSON.equals(device.protocol()));
  }

  private void unindex(DeviceRecord device) {
    if (authenticatesByToken(device)) {
      byTokenHash.remove(device.tokenSha256(), device);
    }
    unindexTerminal(device);
  }

  private void unindexTerminal(DeviceRecord device) {
    TerminalKey key = terminalKey(device);
    if (key != null) {
      byTerminal.remove(key, device);
    }
  }

  private static TerminalKey terminalKey(DeviceRecord device) {
    if (device.protocol() == null || device.terminalId() == null || device.terminalId().isBlank()) {
      return null;
    }
    return new TerminalKey(device.protocol(), device.terminalId());
  }
}
