package dev.dozor.rules.version;

import dev.dozor.rules.regulation.ParameterOverride;
import dev.dozor.rules.regulation.Regulation;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Messages of the regulation version API. */
public final class VersionDtos {
  private VersionDtos() {}

  /** One stored version, without its DRL. */
  public record VersionSummary(
      String regulationId,
      int version,
      Instant createdAt,
      String createdBy,
      String comment,
      boolean active) {}

  /** One stored version with everything it consists of. */
  public record StoredVersion(
      String regulationId,
      int version,
      Regulation regulation,
      String drl,
      Instant createdAt,
      String createdBy,
      String comment) {}

  /** A regulation with its active version and the list of all versions. */
  public record RegulationDetail(Regulation active, String drl, List<VersionSummary> versions) {}

  /**
   * A new version: the DRL and/or parameters replace those of {@code basedOn} (default: the active
   * version); what is left out is kept.
   *
   * @param author who writes it (required)
   * @param comment why (required)
   * @param basedOn the version to start from, or null for the active one
   * @param parameters new defaults by name (existing names only)
   * @param overrides replace the overrides when given
   * @param drl replaces the DRL when given
   */
  public record NewVersionRequest(
      String author,
      String comment,
      Integer basedOn,
      Map<String, Double> parameters,
      List<ParameterOverride> overrides,
      String drl) {}

  /** Who activates or rolls back, and why (both required). */
  public record ActivationRequest(String by, String reason) {}

  /** One row of the audit trail. */
  public record Activation(
      long id,
      String regulationId,
      int version,
      Integer previousVersion,
      String action,
      Instant activatedAt,
      String activatedBy,
      String reason) {}
}
