package dev.dozor.telemetry.contractor;

import java.time.Instant;

/** Request and answer bodies of {@code /api/v1/contractors}. */
public final class ContractorDtos {
  private ContractorDtos() {}

  /**
   * Body of {@code PUT /api/v1/contractors/{id}} (a full replacement).
   *
   * @param inn the taxpayer number (ИНН): 10 digits (organisation) or 12 (individual); optional
   * @param phone the dispatch phone; optional
   */
  public record ContractorRequest(String name, String inn, String phone) {}

  /** A stored contractor. */
  public record ContractorView(
      String id, String name, String inn, String phone, Instant updatedAt) {}
}
