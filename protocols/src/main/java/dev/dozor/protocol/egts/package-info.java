/**
 * EGTS (GOST R 54619-2011 / GOST 33472-2015, Order 285 of the Ministry of Transport of Russia)
 * codec: pure functions from bytes to records and back, no I/O.
 *
 * <p>Server side (gateway), per TCP connection:
 *
 * <ol>
 *   <li>{@link dev.dozor.protocol.egts.EgtsFrameDecoder#probe} on the buffered bytes: wait for
 *       more, take a complete frame, or answer an error ({@link
 *       dev.dozor.protocol.egts.EgtsResponseEncoder#reject} when the packet id is known) and skip
 *       the frame or close the connection;
 *   <li>{@link dev.dozor.protocol.egts.EgtsPacketDecoder#decode} the frame; an {@link
 *       dev.dozor.protocol.egts.EgtsDecodeException} carries the result code to answer with;
 *   <li>answer TERM_IDENTITY with {@link dev.dozor.protocol.egts.EgtsResponseEncoder#authResult}
 *       after {@link dev.dozor.protocol.egts.EgtsResponseEncoder#acknowledge};
 *   <li>{@link dev.dozor.protocol.egts.EgtsTeledataDecoder#fixes} gives the positions, then
 *       acknowledge the records once they are durable.
 * </ol>
 *
 * <p>Device side (simulator, benchmark): {@link dev.dozor.protocol.egts.EgtsDeviceEncoder} builds
 * TERM_IDENTITY and TELEDATA packets; the platform's answers decode with the same {@link
 * dev.dozor.protocol.egts.EgtsPacketDecoder}.
 */
package dev.dozor.protocol.egts;
