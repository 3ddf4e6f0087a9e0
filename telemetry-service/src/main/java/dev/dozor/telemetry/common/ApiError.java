package dev.dozor.telemetry.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every error answer.
 *
 * @param status HTTP status code
 * @param error short machine-readable kind, e.g. {@code validation}, {@code not-found}
 * @param field the request field at fault, when there is one
 * @param message what is wrong, for a human
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String error, String field, String message) {}
