package dev.dozor.gateway.http;

/** The 202 body: how many points Kafka acknowledged. */
public record AcceptedBody(int accepted) {}
