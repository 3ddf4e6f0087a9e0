package dev.dozor.events;

/** Lifecycle of a violation episode. */
public enum ViolationStatus {
  /** The condition has held for the regulation's window. */
  OPENED,
  /** Still holding; measurements grew. */
  UPDATED,
  /** The condition stopped. */
  CLOSED
}
