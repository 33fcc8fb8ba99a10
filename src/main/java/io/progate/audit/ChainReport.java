package io.progate.audit;

/**
 * What a walk over the chain found. When {@code ok}, {@code checked} events from {@code fromId}
 * on were intact and {@code lastHash} is the head of the chain (keep it elsewhere to detect a
 * truncated tail later). Otherwise {@code brokenId} is the first event that does not check out.
 */
public record ChainReport(boolean ok, long checked, Long fromId, Long lastId, String lastHash, Long brokenId,
        Problem problem, String reason) {

    /** Why an event does not check out. */
    public enum Problem {
        /** Its content no longer matches its own hash. */
        CHANGED,
        /** The event it is chained to is gone (deleted, or rewritten together with its hash). */
        MISSING,
        /** It is chained to an event that is not the one stored right before it. */
        REORDERED
    }

    /** A cursor for the audit page that shows the broken event near the top. */
    public long aroundCursor() {
        return brokenId == null ? 0 : brokenId + 6;
    }

    static ChainReport intact(long checked, Long fromId, Long lastId, String lastHash) {
        return new ChainReport(true, checked, fromId, lastId, lastHash, null, null, null);
    }

    static ChainReport broken(long checked, Long fromId, long brokenId, Problem problem, String reason) {
        return new ChainReport(false, checked, fromId, null, null, brokenId, problem, reason);
    }
}
