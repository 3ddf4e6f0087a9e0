package dev.dozor.telemetry.common;

import io.vertx.pgclient.PgException;
import java.util.List;

/**
 * Recognises database constraint violations behind whatever wraps them (Hibernate Reactive, Mutiny,
 * the Vert.x PG client), so a race that slips past a service's own check still gets a 4xx.
 */
public final class DbErrors {
  private DbErrors() {}

  /**
   * Which of {@code constraints} the failure violated, or null when it is not (or not one of
   * these).
   */
  public static String violated(Throwable failure, List<String> constraints) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String named = null;
      if (t instanceof PgException pg) {
        named = pg.getConstraint();
      } else if (t instanceof org.hibernate.exception.ConstraintViolationException cv) {
        named = cv.getConstraintName();
      }
      for (String constraint : constraints) {
        if (constraint.equals(named)
            || (t.getMessage() != null && t.getMessage().contains('"' + constraint + '"'))) {
          return constraint;
        }
      }
    }
    return null;
  }
}
