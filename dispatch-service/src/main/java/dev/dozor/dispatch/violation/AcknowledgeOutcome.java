package dev.dozor.dispatch.violation;

/** Result of a dispatcher's acknowledgement. */
public sealed interface AcknowledgeOutcome {
  /** Acknowledged now; carries the updated episode. */
  record Acknowledged(Violation violation) implements AcknowledgeOutcome {}

  /** Someone acknowledged it before; carries the episode as stored. */
  record AlreadyAcknowledged(Violation violation) implements AcknowledgeOutcome {}

  /** No episode with that id. */
  record NotFound(String id) implements AcknowledgeOutcome {}
}
