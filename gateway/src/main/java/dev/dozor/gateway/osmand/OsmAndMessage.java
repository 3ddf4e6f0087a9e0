package dev.dozor.gateway.osmand;

import dev.dozor.protocol.RawFix;
import java.util.List;

/**
 * One decoded OsmAnd request.
 *
 * @param terminalId the {@code id} / {@code deviceid} / {@code device_id} the tracker sent
 * @param fixes its positions, in the order sent (one for the query form)
 */
public record OsmAndMessage(String terminalId, List<RawFix> fixes) {
  public OsmAndMessage {
    fixes = List.copyOf(fixes);
  }
}
