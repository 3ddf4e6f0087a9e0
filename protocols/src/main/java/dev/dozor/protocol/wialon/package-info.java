/**
 * Wialon IPS 1.1 and 2.0 (Gurtam): a text protocol, one packet per line {@code #TYPE#body\r\n}.
 *
 * <p>Server side: {@link dev.dozor.protocol.wialon.WialonLineFramer} cuts the TCP stream into
 * lines, {@link dev.dozor.protocol.wialon.WialonPacketDecoder} turns a line into a {@link
 * dev.dozor.protocol.wialon.WialonPacket} or into the exact answer code the device must get, {@link
 * dev.dozor.protocol.wialon.WialonFixMapper} turns data packets into {@link
 * dev.dozor.protocol.RawFix}es and {@link dev.dozor.protocol.wialon.WialonAnswerEncoder} writes the
 * answers. Device side (simulator, benchmark, tests): {@link
 * dev.dozor.protocol.wialon.WialonDeviceEncoder} and {@link
 * dev.dozor.protocol.wialon.WialonAnswerDecoder}.
 *
 * <p>Everything here is pure: no I/O, no logging, no threads, no shared mutable state.
 */
package dev.dozor.protocol.wialon;
