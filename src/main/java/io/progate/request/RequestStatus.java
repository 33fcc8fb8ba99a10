package io.progate.request;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The life of a release request, with every allowed transition in this one place:
 * PENDING to APPROVED, REJECTED, CANCELLED or EXPIRED; APPROVED to EXECUTING; EXECUTING to
 * SUCCEEDED or FAILED; FAILED back to APPROVED when an approver retries, or to CLOSED when an
 * approver gives up on it. An APPROVED request that may not start yet (outside the team's change
 * windows, during a freeze, before its "not before" time) waits as SCHEDULED, then is APPROVED again
 * when its time comes (or when someone breaks the glass); its author or an admin may cancel it. Which person may cause which transition is {@link RequestAction}'s table.
 */
public enum RequestStatus {
    PENDING, APPROVED, SCHEDULED, EXECUTING, SUCCEEDED, FAILED, CLOSED, REJECTED, CANCELLED, EXPIRED;

    public Set<RequestStatus> next() {
        switch (this) {
            case PENDING:
                return EnumSet.of(APPROVED, REJECTED, CANCELLED, EXPIRED);
            case APPROVED:
                return EnumSet.of(EXECUTING, SCHEDULED);
            case SCHEDULED:
                return EnumSet.of(APPROVED, CANCELLED);
            case EXECUTING:
                return EnumSet.of(SUCCEEDED, FAILED);
            case FAILED:
                return EnumSet.of(APPROVED, CLOSED);
            default:
                return EnumSet.noneOf(RequestStatus.class);
        }
    }

    public boolean canMoveTo(RequestStatus target) {
        return next().contains(target);
    }

    /** Nothing more will happen to the request unless an approver retries a failure. */
    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CLOSED || this == REJECTED || this == CANCELLED
                || this == EXPIRED;
    }

    public static Optional<RequestStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (RequestStatus status : values()) {
            if (status.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
