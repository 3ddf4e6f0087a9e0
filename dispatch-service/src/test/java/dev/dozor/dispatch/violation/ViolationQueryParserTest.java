package dev.dozor.dispatch.violation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dozor.dispatch.api.ApiException;
import dev.dozor.events.ViolationStatus;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ViolationQueryParserTest {
  @Test
  void defaultsWhenNothingIsGiven() {
    ViolationFilter f = ViolationQueryParser.parse(null, "", null, null, null, null);
    assertNull(f.vehicleId());
    assertNull(f.regulationId());
    assertNull(f.statuses());
    assertEquals(ViolationQueryParser.DEFAULT_LIMIT, f.limit());
  }

  @Test
  void activeMeansOpenedOrUpdated() {
    ViolationFilter f = ViolationQueryParser.parse(null, null, "active", null, null, "5");
    assertEquals(Set.of(ViolationStatus.OPENED, ViolationStatus.UPDATED), f.statuses());
    assertEquals(5, f.limit());
  }

  @Test
  void parsesInstants() {
    ViolationFilter f =
        ViolationQueryParser.parse(
            "veh", "SPD-001", "closed", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", null);
    assertEquals(Set.of(ViolationStatus.CLOSED), f.statuses());
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"), f.from());
    assertEquals(Instant.parse("2026-01-02T00:00:00Z"), f.to());
  }

  @Test
  void rejectsBadValuesNamingTheParameter() {
    assertEquals(
        "from", field(() -> ViolationQueryParser.parse(null, null, null, "yesterday", null, null)));
    assertEquals(
        "to", field(() -> ViolationQueryParser.parse(null, null, null, null, "2026-13-01", null)));
    assertEquals(
        "status", field(() -> ViolationQueryParser.parse(null, null, "OPEN", null, null, null)));
    assertEquals(
        "limit", field(() -> ViolationQueryParser.parse(null, null, null, null, null, "1001")));
    assertEquals(
        "limit", field(() -> ViolationQueryParser.parse(null, null, null, null, null, "x")));
  }

  private static String field(Runnable r) {
    ApiException e = assertThrows(ApiException.class, r::run);
    return ((dev.dozor.dispatch.api.ApiError) e.toResponse().getEntity()).field();
  }
}
