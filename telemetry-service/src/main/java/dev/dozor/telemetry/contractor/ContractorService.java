package dev.dozor.telemetry.contractor;

import dev.dozor.events.ContractorRecord;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.contractor.ContractorDtos.ContractorRequest;
import dev.dozor.telemetry.contractor.ContractorDtos.ContractorView;
import dev.dozor.telemetry.registry.RegistryPublisher;
import dev.dozor.telemetry.registry.RegistryService.PutResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Contractors, with the registry's guarantees: committed, then published ({@code contractor:<id>});
 * the call completes after the broker's acknowledgement.
 */
@ApplicationScoped
public class ContractorService {
  private final ContractorRepository contractors;
  private final RegistryPublisher publisher;

  public ContractorService(ContractorRepository contractors, RegistryPublisher publisher) {
    this.contractors = contractors;
    this.publisher = publisher;
  }

  public Uni<List<ContractorView>> list() {
    return contractors.listAll();
  }

  public Uni<ContractorView> get(String id) {
    return contractors
        .find(id)
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound("contractor '" + id + "' does not exist"));
  }

  /** Creates or replaces a contractor and publishes it. */
  public Uni<PutResult<ContractorView>> put(String id, ContractorRequest body) {
    ContractorRecord record = ContractorValidation.contractor(id, body);
    return contractors
        .upsert(record)
        .call(() -> publisher.contractor(record))
        .chain(created -> get(id).map(view -> new PutResult<>(view, created)));
  }

  /** Deletes a contractor no vehicle names and publishes its tombstone; 409 while one does. */
  public Uni<Void> delete(String id) {
    return contractors.delete(id).call(() -> publisher.contractorDeleted(id));
  }
}
