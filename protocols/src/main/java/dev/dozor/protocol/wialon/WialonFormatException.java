package dev.dozor.protocol.wialon;

/**
 * A server answer that {@link WialonAnswerDecoder} cannot read: the only exception the device-side
 * decoder throws.
 */
public final class WialonFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WialonFormatException(String message) {
    super(message);
  }
}
