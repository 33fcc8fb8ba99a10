package io.progate.request.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.progate.diff.ModelDiff;
import io.progate.request.blast.BlastRadius;
import io.progate.packages.Inspection;
import io.progate.request.ProCall;
import io.progate.team.PolicyChange;
import java.time.Instant;
import java.util.List;

/**
 * A release request as the JSON API shows it. {@code blastRadius} is read from PRO for one delete's own
 * page and answer before it is carried out, null elsewhere. {@code diff}: a publish's model diff in counts
 * (the files and lines are at {@code /api/v1/requests/{id}/diff}); only in the answer about one request,
 * not in lists.
 */
public record RequestView(
        long id,
        String type,
        String status,
        String team,
        String author,
        String reason,
        String appName,
        String appVersion,
        String summary,
        JsonNode payload,
        ProCall proCall,
        Long size,
        String sha256,
        PackageView pkg,
        PackageView icon,
        List<ApprovalView> approvals,
        long approvalCount,
        int requiredApprovals,
        boolean adminsMayApprove,
        Instant createdAt,
        Instant updatedAt,
        Instant expiresAt,
        Instant decidedAt,
        Instant finishedAt,
        JsonNode outcome,
        PolicyChange policyChange,
        String aimmsBuild,
        ScheduleView schedule,
        BreakGlassView breakGlass,
        BlastRadius blastRadius,
        ModelDiff.Summary diff,
        String approvalRule) {

    /**
     * When the request may start: the author's {@code notBefore}; while SCHEDULED, {@code until} (when it
     * is looked at again: a window opens, a freeze ends) and {@code why}. Null when none applies.
     */
    public record ScheduleView(Instant notBefore, Instant until, String why, Long freezeId) {
    }

    /** Who executed the request without the remaining approvals, when and why; the review once done. */
    public record BreakGlassView(String by, Instant at, String reason, boolean awaitingReview, String reviewedBy,
            Instant reviewedAt, String reviewComment) {
    }

    /** A stored file: name, size, SHA-256, inspection, and whether its content was purged. */
    public record PackageView(String fileName, long size, String sha256, boolean purged, Inspection inspection) {
    }

    /** One person's decision. */
    public record ApprovalView(String approver, String displayName, String decision, String comment, Instant at) {
    }
}
