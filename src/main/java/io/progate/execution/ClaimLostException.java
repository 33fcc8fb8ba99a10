package io.progate.execution;

/**
 * The worker no longer holds the request: another claim took a newer generation, or the lease ran
 * out by the database's clock. The worker stops at once, without writing and without calling PRO.
 */
public class ClaimLostException extends RuntimeException {

    public ClaimLostException(long requestId, long generation) {
        super("the claim of generation " + generation + " on request " + requestId + " is no longer held");
    }
}
