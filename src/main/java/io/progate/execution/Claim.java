package io.progate.execution;

import io.progate.request.RequestPackage;
import io.progate.request.RequestType;
import java.time.Instant;

/**
 * A request this worker holds: what it asks of PRO, fixed at submission, and where the last try
 * left off ({@code lastOutcome} null with {@code lastAttemptNo > 0} means an attempt of unknown
 * outcome). {@code approvedAt} is set when the claim started a new round from APPROVED.
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
        Instant approvedAt) {

    /** The last attempt may have changed PRO without our knowing: ask PRO before acting again. */
    public boolean uncertain() {
        return lastAttemptNo > 0 && (lastOutcome == null || lastOutcome == AttemptOutcome.TRANSIENT);
    }

    public String what() {
        return type.label().toLowerCase(java.util.Locale.ROOT) + " of " + appName + " " + appVersion;
    }
}
