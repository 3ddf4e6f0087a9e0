package dev.dozor.dispatch.board;

import dev.dozor.dispatch.violation.Violation;
import java.util.List;

/** Messages pushed on {@code /ws/board}; {@code type} tells them apart. */
public final class BoardMessage {
  private BoardMessage() {}

  /** Positions of vehicles: all of them on connect, then only the changed ones. */
  public record Positions(String type, boolean snapshot, List<VehiclePosition> items) {
    public Positions(boolean snapshot, List<VehiclePosition> items) {
      this("positions", snapshot, items);
    }
  }

  /** A violation episode was opened, updated, closed or acknowledged. */
  public record ViolationChanged(String type, Violation item) {
    public ViolationChanged(Violation item) {
      this("violation", item);
    }
  }
}
