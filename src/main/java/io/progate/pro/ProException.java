package io.progate.pro;

/**
 * Every failure of a call to PRO: the HTTP status PRO answered with ({@code 0} when no answer
 * came: connection refused or dropped, timeout, circuit open), a readable message, a short excerpt
 * of PRO's body with secrets scrubbed, and whether trying again later may succeed.
 */
public class ProException extends RuntimeException {

    /** How an answer ProGate cannot read (HTML, a field of another type) is reported, wherever it is shown. */
    public static final String NOT_UNDERSTOOD = "PRO answered something ProGate does not understand";

    private final int status;
    private final String excerpt;
    private final boolean transientFailure;

    public ProException(int status, String message, String excerpt, boolean transientFailure) {
        super(message);
        this.status = status;
        this.excerpt = excerpt == null ? "" : excerpt;
        this.transientFailure = transientFailure;
    }

    /** PRO's HTTP status, or 0 when PRO gave no answer. */
    public int status() {
        return status;
    }

    /** The start of PRO's answer body, secrets removed; empty when there was none. */
    public String excerpt() {
        return excerpt;
    }

    /** True for failures worth retrying later: no answer, timeouts, 502/503/504, 429, an open circuit. */
    public boolean isTransient() {
        return transientFailure;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    @Override
    public String toString() {
        return "ProException[status=" + status + ", transient=" + transientFailure + ", " + getMessage() + "]";
    }
}
