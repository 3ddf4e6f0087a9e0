package dev.dozor.bench.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencyLedgerTest {
  @Test
  void findsTheBrokerTimeOfTheTriggeringPoint() {
    LatencyLedger ledger = new LatencyLedger();
    for (int k = 0; k < 100; k++) {
      int slot = ledger.sent("v1", 1_000L * k);
      ledger.acked("v1", slot, 50_000L + k);
    }
    int other = ledger.sent("v2", 5_000);
    ledger.acked("v2", other, 7);
    assertEquals(50_042, ledger.brokerTime("v1", 42_000));
    assertEquals(7, ledger.brokerTime("v2", 5_000));
  }

  @Test
  void unknownVehicleFixOrUnackedPointHasNoTime() {
    LatencyLedger ledger = new LatencyLedger();
    ledger.sent("v1", 1_000);
    assertEquals(LatencyLedger.UNKNOWN, ledger.brokerTime("v1", 1_000));
    assertEquals(LatencyLedger.UNKNOWN, ledger.brokerTime("v1", 2_000));
    assertEquals(LatencyLedger.UNKNOWN, ledger.brokerTime("v9", 1_000));
  }
}
