package io.progate.notify;

/** Fired when deliveries were added to the outbox; the worker observes it after commit to deliver at once. */
public record OutboxWritten() {
}
