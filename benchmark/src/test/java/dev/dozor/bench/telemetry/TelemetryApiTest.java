package dev.dozor.bench.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TelemetryApiTest {
  @Test
  void tellsAMissingEndpointFromAnUnknownEntity() {
    assertTrue(
        TelemetryApi.endpointMissing(
            404, "{\"status\":404,\"error\":\"not-found\",\"message\":\"no such resource\"}"));
    assertTrue(TelemetryApi.endpointMissing(404, ""));
    assertFalse(TelemetryApi.endpointMissing(404, "{\"error\":\"unknown district 1\"}"));
    assertFalse(TelemetryApi.endpointMissing(400, ""));
  }

  @Test
  void excerptsLongAnswersOnOneLine() {
    assertEquals("a b", TelemetryApi.excerpt("a\n  b"));
    assertEquals(301, TelemetryApi.excerpt("x".repeat(1000)).length());
  }
}
