package dev.dozor.events;

/**
 * An organisation that operates vehicles under a maintenance contract ({@link Topics#REGISTRY}, key
 * {@link RegistryKeys#contractor}).
 *
 * @param inn the taxpayer number (ИНН), or null
 * @param phone the dispatch phone of the contractor, or null
 */
public record ContractorRecord(int schemaVersion, String id, String name, String inn, String phone)
    implements Versioned {

  public static ContractorRecord of(String id, String name, String inn, String phone) {
    return new ContractorRecord(SchemaVersions.CONTRACTOR, id, name, inn, phone);
  }
}
