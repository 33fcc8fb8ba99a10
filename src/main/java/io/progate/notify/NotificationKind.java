package io.progate.notify;

/**
 * What a message is about, as people choose them on their notification settings: each kind goes by
 * e-mail or not at all. Decisions waiting for you and the outcomes of your own requests are on unless
 * you turn them off; the rest is off unless you turn it on.
 */
public enum NotificationKind {
    /** A request (or a change that weakens a team's policy) waits for your decision. */
    DECISION_NEEDED("A request needs my decision", true),
    /** Your request was approved, rejected, expired, carried out, failed, retried or closed. */
    REQUEST_OUTCOME("What happens to my requests", true),
    /** Once a day: requests of your teams that have waited more than a day. */
    DAILY_DIGEST("Daily digest of requests waiting more than a day", true),
    /** A PRO key of a team you approve for expires in 30, 7 or 1 days, or was replaced. */
    KEY_EXPIRY("PRO keys of my teams expiring or replaced", false),
    /** Someone broke the glass on a request of a team you approve for (or, as an admin, of any team). */
    BREAK_GLASS("Break-glass executions in my teams", true);

    private final String label;
    private final boolean onByDefault;

    NotificationKind(String label, boolean onByDefault) {
        this.label = label;
        this.onByDefault = onByDefault;
    }

    public String label() {
        return label;
    }

    public boolean onByDefault() {
        return onByDefault;
    }

    /** The kinds a team webhook may carry (the digest is for people only). */
    public boolean forWebhooks() {
        return this != DAILY_DIGEST;
    }
}
