package dev.dozor.gateway.tcp;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.CompletionStage;

/**
 * What a {@link TcpSession} may do with its connection. Answers go through one ordered chain:
 * whatever is queued first is written first, even when Kafka acknowledges a later batch sooner.
 * Call these methods from the session's callbacks (the connection's event-loop thread); calls from
 * other threads are moved onto it.
 */
public interface TcpConnection {

  /** Unique per gateway run, e.g. {@code egts-17}; every log line about the connection names it. */
  String id();

  /** The protocol of the server that accepted it. */
  String protocol();

  /** The tracker's address, {@code host:port}. */
  String remoteAddress();

  /** Port and limits of this protocol (e.g. {@link TcpServerSettings#maxFrameBytes()}). */
  TcpServerSettings settings();

  /**
   * Names the device once it identified itself (e.g. {@code device d-7 (vehicle v-3)}); logs of the
   * infrastructure about this connection include it from then on.
   */
  void identify(String device);

  /** Queues bytes that are ready now; written at once unless earlier answers are still pending. */
  void write(Buffer bytes);

  /**
   * Queues an answer that completes later.
   *
   * @param records how many received records this answer acknowledges; they count as
   *     un-acknowledged until the answer is written, and reading pauses while {@link
   *     TcpServerSettings#maxUnackedRecords()} of them are pending
   * @param answer the bytes to write, or null to write nothing; a failed stage closes the
   *     connection (the device resends what it did not get an answer for)
   */
  void reply(int records, CompletionStage<Buffer> answer);

  /** {@link #reply(int, CompletionStage)} for a Uni (subscribed at once). */
  default void reply(int records, Uni<Buffer> answer) {
    reply(records, answer.subscribeAsCompletionStage());
  }

  /** Records queued in answers not yet written. */
  int unackedRecords();

  /** Stops reading until {@link #resume()}, independent of the un-acknowledged-records limit. */
  void pause();

  /** Undoes {@link #pause()}; reading restarts unless too many records are un-acknowledged. */
  void resume();

  /** Closes after every answer queued so far is written; nothing more is read. */
  void close();
}
