package dev.dozor.telemetry.position;

/** The tables partitioned by UTC day, and the SQL function that creates one day of each. */
public enum PartitionedTable {
  /** {@code telemetry.positions}, by fix time. */
  POSITIONS("positions", "telemetry.ensure_position_partition"),
  /** {@code telemetry.segment_passes}, by pass start. */
  SEGMENT_PASSES("segment_passes", "telemetry.ensure_segment_pass_partition");

  private final String table;
  private final String ensureFunction;

  PartitionedTable(String table, String ensureFunction) {
    this.table = table;
    this.ensureFunction = ensureFunction;
  }

  /** Table name in schema {@code telemetry}. */
  public String table() {
    return table;
  }

  /** Qualified name of the {@code (day date) RETURNS text} function creating a partition. */
  public String ensureFunction() {
    return ensureFunction;
  }
}
