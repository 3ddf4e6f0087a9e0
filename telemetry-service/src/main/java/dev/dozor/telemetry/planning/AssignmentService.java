package dev.dozor.telemetry.planning;

import dev.dozor.events.AssignmentRecord;
import dev.dozor.telemetry.common.ApiException;
import dev.dozor.telemetry.planning.AssignmentDtos.AssignmentRequest;
import dev.dozor.telemetry.planning.AssignmentDtos.AssignmentView;
import dev.dozor.telemetry.registry.RegistryPublisher;
import dev.dozor.telemetry.registry.RegistryService.PutResult;
import dev.dozor.telemetry.registry.RegistryValidation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Work planning: assignments of a vehicle to a zone and/or road segments for a shift. Committed,
 * then published ({@code assignment:<id>}); the call completes after the broker's acknowledgement.
 */
@ApplicationScoped
public class AssignmentService {
  private final AssignmentRepository assignments;
  private final RegistryPublisher publisher;

  public AssignmentService(AssignmentRepository assignments, RegistryPublisher publisher) {
    this.assignments = assignments;
    this.publisher = publisher;
  }

  /** Assignments of a vehicle (or all) whose shift overlaps [from, to) (each end optional). */
  public Uni<List<AssignmentView>> list(String vehicleId, String from, String to) {
    RegistryValidation.optionalId("vehicle", vehicleId);
    Instant start = RegistryValidation.optionalInstant("from", from);
    Instant end = RegistryValidation.optionalInstant("to", to);
    RegistryValidation.requireOrdered("from", start, "to", end);
    return assignments.list(vehicleId, start, end);
  }

  public Uni<AssignmentView> get(String id) {
    return assignments
        .find(id)
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound("assignment '" + id + "' does not exist"));
  }

  /** Creates or replaces an assignment and publishes it. */
  public Uni<PutResult<AssignmentView>> put(String id, AssignmentRequest body) {
    AssignmentRecord record = AssignmentValidation.assignment(id, body);
    return assignments
        .upsert(record)
        .call(() -> publisher.assignment(record))
        .chain(created -> get(id).map(view -> new PutResult<>(view, created)));
  }

  /** Deletes an assignment and publishes its tombstone. */
  public Uni<Void> delete(String id) {
    return assignments.delete(id).call(() -> publisher.assignmentDeleted(id));
  }
}
