package io.progate.execution;

import io.progate.packages.RequestPackage;
import io.progate.request.RequestType;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A request this worker holds: what it asks of PRO, fixed at submission, and where the last try
 * left off ({@code lastOutcome} null with {@code lastAttemptNo > 0} means an attempt of unknown
 * outcome). {@code generation} is the claim's fencing token: every later write and every PRO call
 * first checks that it is still the job's. {@code approvedAt} is set when the claim started a new
 * round from APPROVED; {@code roundStartAttempt} is the last attempt number before that round.
 */
public record Claim(
        long requestId,
        long teamId,
        String proUrl,
        RequestType type,
        String appName,
        String appVersion,
        String payload,
        RequestPackage pkg,
        RequestPackage icon,
        String method,
        String path,
        int lastAttemptNo,
        AttemptOutcome lastOutcome,
        Instant approvedAt,
        long generation,
        int roundStartAttempt) {

    private static final Set<AttemptOutcome> FINAL = EnumSet.of(AttemptOutcome.SUCCEEDED, AttemptOutcome.RECONCILED,
            AttemptOutcome.FAILED, AttemptOutcome.DRIFT);

    /** The last attempt may have changed PRO without our knowing: ask PRO before acting again. */
    public boolean uncertain() {
        return lastAttemptNo > 0 && (lastOutcome == null || lastOutcome == AttemptOutcome.TRANSIENT);
    }

    /**
     * A claim that resumed an EXECUTING request whose last attempt of this round already has a final
     * outcome (its worker died after recording it): the request ends with that outcome, and nothing
     * is sent to PRO again. An earlier round's outcome (before an approver's retry) does not count.
     */
    public boolean decidedBefore() {
        return approvedAt == null && lastAttemptNo > roundStartAttempt && lastOutcome != null
                && FINAL.contains(lastOutcome);
    }

    public boolean lastSucceeded() {
        return lastOutcome == AttemptOutcome.SUCCEEDED || lastOutcome == AttemptOutcome.RECONCILED;
    }

    public String what() {
        return type.label().toLowerCase(java.util.Locale.ROOT) + " of " + appName + " " + appVersion;
    }
}
