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
 * <tr><td>cancel</td><td>PENDING, SCHEDULED</td><td>the author, or an admin</td><td>CANCELLED</td></tr>
 * <tr><td>retry</td><td>FAILED</td><td>a decider</td><td>APPROVED</td></tr>
 * <tr><td>close</td><td>FAILED</td><td>a decider</td><td>CLOSED</td></tr>
 * <tr><td>break-glass</td><td>PENDING, SCHEDULED; the team's policy allows it</td><td>a breaker, with a
 * reason</td><td>APPROVED, marked break-glass (runs whatever the windows and freezes)</td></tr>
 * <tr><td>review</td><td>any, once, after a break-glass</td><td>a reviewer, with a comment</td><td>unchanged,
 * marked reviewed</td></tr>
 * </table>
 * A decider is an approver of the request's team, or a portal admin when the request lets admins
 * approve, and never the request's author. A breaker is an approver of the team or any admin, never
 * the author (four eyes: nobody alone pushes their own change through, admins included). A reviewer
 * is an approver of the team or an admin who is neither the author nor the one who broke the glass.
 */
public enum RequestAction {
    APPROVE("approve", Who.DECIDER, RequestStatus.PENDING),
    REJECT("reject", Who.DECIDER, RequestStatus.PENDING),
    CANCEL("cancel", Who.AUTHOR_OR_ADMIN, RequestStatus.PENDING, RequestStatus.SCHEDULED),
    RETRY("retry", Who.DECIDER, RequestStatus.FAILED),
    CLOSE("close", Who.DECIDER, RequestStatus.FAILED),
    BREAK_GLASS("break-glass", Who.BREAKER, RequestStatus.PENDING, RequestStatus.SCHEDULED),
    REVIEW("review", Who.REVIEWER, RequestStatus.values());

    /** Who may take an action. */
    public enum Who {
        /** An approver of the team or an admin the request lets approve; never the author. */
        DECIDER,
        /** The request's author, or any admin (audited as an admin's cancel). */
        AUTHOR_OR_ADMIN,
        /** An approver of the team or any admin; never the author. */
        BREAKER,
        /** An approver of the team or any admin; neither the author nor who broke the glass. */
        REVIEWER
    }

    private final String verb;
    private final Who who;
    private final RequestStatus from;
    private final java.util.Set<RequestStatus> allowedFrom;

    RequestAction(String verb, Who who, RequestStatus from, RequestStatus... alsoFrom) {
        this.verb = verb;
        this.who = who;
        this.from = from;
        this.allowedFrom = java.util.EnumSet.of(from, alsoFrom);
    }

    RequestAction(String verb, Who who, RequestStatus[] from) {
        this(verb, who, from[0], java.util.Arrays.copyOfRange(from, 1, from.length));
    }

    public String verb() {
        return verb;
    }

    public Who who() {
        return who;
    }

    /** The first state the action is allowed from. */
    public RequestStatus from() {
        return from;
    }

    /** Every state the action is allowed from. */
    public java.util.Set<RequestStatus> allowedFrom() {
        return allowedFrom;
    }

    /** The states as a refusal names them: "PENDING or SCHEDULED". */
    public String fromText() {
        return allowedFrom.size() == RequestStatus.values().length ? "any state"
                : String.join(" or ", allowedFrom.stream().map(Enum::name).toList());
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
