package io.progate.request;

/**
 * Fired when a request becomes APPROVED (by its last approval, or by a retry of a failure).
 * Observe it with {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} to act only once the
 * approval is committed: the execution worker wakes up on it.
 */
public record RequestApproved(long requestId, long teamId) {
}
