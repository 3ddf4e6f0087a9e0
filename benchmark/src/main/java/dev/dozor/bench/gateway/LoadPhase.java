package dev.dozor.bench.gateway;

import java.util.Map;

/** A load that runs until stopped and counts what the gateway acknowledged. */
interface LoadPhase {
  /** What is counted: points or records. */
  String unit();

  /** The protocol's name in the gateway's counters, e.g. {@code egts}. */
  String protocol();

  void start() throws Exception;

  /** Units acknowledged since start. */
  long acknowledged();

  /** Failed requests by cause (HTTP status, exception, negative protocol answer). */
  Map<String, Long> failures();

  void stop() throws Exception;
}
