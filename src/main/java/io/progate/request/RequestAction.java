package io.progate.request;

/**
 * What people do to a request, with the one table of who may do it from which state. The API and
 * the page forms both go through {@link RequestService#act}, which checks this table (and nothing
 * else decides); the status graph itself is {@link RequestStatus#next()}.
 *
 * <table>
 * <tr><th>action</th><th>from</th><th>who</th><th>to</th></tr>
 * <tr><td>approve</td><td>PENDING, not expired</td><td>a decider, once</td><td>PENDING, or APPROVED with enough approvals</td></tr>
 * <tr><td>reject</td><td>PENDING, not expired</td><td>a decider, once</td><td>REJECTED</td></tr>
 * <tr><td>cancel</td><td>PENDING</td><td>the author, or an admin</td><td>CANCELLED</td></tr>
 * <tr><td>retry</td><td>FAILED</td><td>a decider</td><td>APPROVED</td></tr>
 * <tr><td>close</td><td>FAILED</td><td>a decider</td><td>CLOSED</td></tr>
 * </table>
 * A decider is an approver of the request's team, or a portal admin when the request lets admins
 * approve, and never the request's author.
 */
public enum RequestAction {
    APPROVE("approve", Who.DECIDER, RequestStatus.PENDING),
    REJECT("reject", Who.DECIDER, RequestStatus.PENDING),
    CANCEL("cancel", Who.AUTHOR_OR_ADMIN, RequestStatus.PENDING),
    RETRY("retry", Who.DECIDER, RequestStatus.FAILED),
    CLOSE("close", Who.DECIDER, RequestStatus.FAILED);

    /** Who may take an action. */
    public enum Who {
        /** An approver of the team or an admin the request lets approve; never the author. */
        DECIDER,
        /** The request's author, or any admin (audited as an admin's cancel). */
        AUTHOR_OR_ADMIN
    }

    private final String verb;
    private final Who who;
    private final RequestStatus from;

    RequestAction(String verb, Who who, RequestStatus from) {
        this.verb = verb;
        this.who = who;
        this.from = from;
    }

    public String verb() {
        return verb;
    }

    public Who who() {
        return who;
    }

    /** The one state the action is allowed from. */
    public RequestStatus from() {
        return from;
    }

    /** The audit action of the event this action writes, whether done or refused. */
    public String auditAction() {
        return "request." + verb;
    }

    /** Decisions are refused once the request's time limit has passed, even before the expiry job ran. */
    public boolean isDecision() {
        return this == APPROVE || this == REJECT;
    }
}
