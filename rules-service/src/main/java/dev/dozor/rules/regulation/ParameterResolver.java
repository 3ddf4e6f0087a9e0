package dev.dozor.rules.regulation;

import dev.dozor.rules.engine.VehiclePoint;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parameters in force for a regulation at a fix: the defaults, then the overrides of the
 * vehicle's type, of the district the fix lies in and of the vehicle's contractor. A scope is
 * looked up only when the regulation has overrides for it, so the common case costs one map lookup.
 */
public final class ParameterResolver {
  /** Resolves nothing (single-fact tests that never read parameters). */
  public static final ParameterResolver NONE = new ParameterResolver(Map.of());

  private record Scoped(
      String id,
      int index,
      RegulationParameters defaults,
      Map<String, Map<String, Map<String, Double>>> byScope,
      boolean byType,
      boolean byDistrict,
      boolean byContractor) {
    Scoped(
        String id,
        int index,
        RegulationParameters defaults,
        Map<String, Map<String, Map<String, Double>>> byScope) {
      // which scopes have overrides, asked once here rather than on every fix
      this(
          id,
          index,
          defaults,
          byScope,
          byScope.containsKey(ParameterOverride.VEHICLE_TYPE),
          byScope.containsKey(ParameterOverride.DISTRICT),
          byScope.containsKey(ParameterOverride.CONTRACTOR));
    }
  }

  private final Map<String, Scoped> regulations;
  // the same by index (see indexOf)
  private final Scoped[] byIndex;

  /** A resolved combination; its hash comes from the (cached) hashes of its strings. */
  private record Key(
      String regulationId, String vehicleType, String districtId, String contractorId) {}

  private final Map<Key, RegulationParameters> cache = new ConcurrentHashMap<>();

  private ParameterResolver(Map<String, Scoped> regulations) {
    this.regulations = regulations;
    this.byIndex = new Scoped[regulations.size()];
    regulations.values().forEach(s -> byIndex[s.index()] = s);
  }

  /** The resolver of a set of regulations (their defaults and overrides). */
  public static ParameterResolver of(List<Regulation> regulations) {
    Map<String, Scoped> byId = new HashMap<>();
    for (Regulation r : regulations) {
      Map<String, Map<String, Map<String, Double>>> byScope = new HashMap<>();
      for (ParameterOverride o : r.overrides()) {
        byScope.computeIfAbsent(o.scope(), s -> new HashMap<>()).put(o.value(), o.parameters());
      }
      // interned: the DRLs name their regulation by a literal, so the look-up matches by reference
      String id = r.id().intern();
      byId.put(id, new Scoped(id, byId.size(), r.defaultParameters(), byScope));
    }
    return new ParameterResolver(byId);
  }

  /** Whether the set has this regulation. */
  public boolean has(String regulationId) {
    return regulations.containsKey(regulationId);
  }

  /** The defaults of a regulation. */
  public RegulationParameters defaults(String regulationId) {
    return require(regulationId).defaults();
  }

  /**
   * A number of the regulation in this set, from 0 to {@link #size()} - 1, or -1 when the set does
   * not have it: a point keeps the parameters it resolved in an array by this number.
   */
  public int indexOf(String regulationId) {
    Scoped scoped = regulations.get(regulationId);
    return scoped == null ? -1 : scoped.index();
  }

  /** How many regulations the set has. */
  public int size() {
    return byIndex.length;
  }

  /** The parameters in force for the regulation at this fix. */
  public RegulationParameters resolve(String regulationId, VehiclePoint point) {
    return resolve(require(regulationId), point);
  }

  /** {@link #resolve(String, VehiclePoint)} of the regulation with this {@link #indexOf}. */
  public RegulationParameters resolve(int index, VehiclePoint point) {
    return resolve(byIndex[index], point);
  }

  private RegulationParameters resolve(Scoped scoped, VehiclePoint point) {
    if (scoped.byScope().isEmpty()) {
      return scoped.defaults();
    }
    String type = scoped.byType() ? point.getVehicleType() : null;
    String district = scoped.byDistrict() ? point.getDistrictId() : null;
    String contractor = scoped.byContractor() ? point.getContractorId() : null;
    return resolve(scoped, type, district, contractor);
  }

  /** The parameters in force for a vehicle type, district and contractor (each may be null). */
  public RegulationParameters resolve(
      String regulationId, String vehicleType, String districtId, String contractorId) {
    return resolve(require(regulationId), vehicleType, districtId, contractorId);
  }

  private RegulationParameters resolve(
      Scoped scoped, String vehicleType, String districtId, String contractorId) {
    String regulationId = scoped.id();
    if (scoped.byScope().isEmpty()) {
      return scoped.defaults();
    }
    // a record key, not a concatenated string: this runs for most points and regulations, and a
    // new string would be built and hashed every time
    Key key = new Key(regulationId, vehicleType, districtId, contractorId);
    RegulationParameters cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    return cache.computeIfAbsent(
        key,
        k -> {
          Map<String, Double> values = new LinkedHashMap<>(scoped.defaults().getValues());
          String[] scopeValues = {vehicleType, districtId, contractorId};
          for (int i = 0; i < ParameterOverride.SCOPES.size(); i++) {
            Map<String, Map<String, Double>> overrides =
                scoped.byScope().get(ParameterOverride.SCOPES.get(i));
            if (overrides != null
                && scopeValues[i] != null
                && overrides.containsKey(scopeValues[i])) {
              values.putAll(overrides.get(scopeValues[i]));
            }
          }
          return new RegulationParameters(regulationId, values);
        });
  }

  private Scoped require(String regulationId) {
    Scoped scoped = regulations.get(regulationId);
    if (scoped == null) {
      throw new IllegalArgumentException("no parameters for regulation " + regulationId);
    }
    return scoped;
  }
}
