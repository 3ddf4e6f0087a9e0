package dev.dozor.rules.whatif;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** What-if replays ({@code dozor.rules.whatif.*}). */
@ConfigMapping(prefix = "dozor.rules.whatif")
public interface WhatIfConfig {

  /** Base URL of the telemetry-service whose export the replay reads. */
  @WithDefault("http://127.0.0.1:18081")
  String telemetryUrl();

  /** Points fed to both engines at a time. */
  @WithDefault("5000")
  int batchSize();

  /** Replays running at once; more are refused with 503 until one ends. */
  @WithDefault("1")
  int maxConcurrent();

  /** Finished replays kept for their results (oldest dropped first). */
  @WithDefault("20")
  int keepFinished();

  /** Added and removed violations listed per regulation (the counts are always complete). */
  @WithDefault("500")
  int maxListed();

  /** How often a running replay logs its progress. */
  @WithDefault("10s")
  Duration logEvery();
}
