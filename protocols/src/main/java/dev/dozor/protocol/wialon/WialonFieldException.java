package dev.dozor.protocol.wialon;

/** A field of an SD/D body is wrong; carries the answer code. Never leaves the package. */
final class WialonFieldException extends Exception {
  private static final long serialVersionUID = 1L;

  private final WialonDataStatus status;

  WialonFieldException(WialonDataStatus status, String reason) {
    super(reason, null, false, false);
    this.status = status;
  }

  WialonDataStatus status() {
    return status;
  }
}
