package dev.dozor.dispatch.violation;

/** Body of {@code POST /api/v1/violations/{id}/acknowledge}; the whole body is optional. */
public record AcknowledgeRequest(String comment) {}
