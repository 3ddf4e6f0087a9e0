package dev.dozor.gateway.validation;

/**
 * Why a point was refused.
 *
 * @param index position of the point in the request array (0-based)
 * @param field JSON name of the offending field, e.g. {@code lat} or {@code
 *     equipment.spreadRateGm2}
 * @param message what is wrong, with the value received
 */
public record PointViolation(int index, String field, String message) {}
