package dev.dozor.protocol.egts;

import dev.dozor.protocol.RawFix;

/**
 * A fix with the EGTS record it came from.
 *
 * @param recordNumber RN of the TELEDATA record
 * @param objectId OID of the record, or null when the record had none (then the terminal is the one
 *     authenticated on the connection)
 * @param fix the decoded fix
 */
public record EgtsFix(int recordNumber, Long objectId, RawFix fix) {}
