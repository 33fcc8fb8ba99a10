package io.progate.request.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.progate.packages.Inspection;
import io.progate.request.ProCall;
import io.progate.team.PolicyChange;
import java.time.Instant;
import java.util.List;

/** A release request as the JSON API shows it. */
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
        String approvalRule) {

    /** A stored file: name, size, SHA-256, inspection, and whether its content was purged. */
    public record PackageView(String fileName, long size, String sha256, boolean purged, Inspection inspection) {
    }

    /** One person's decision. */
    public record ApprovalView(String approver, String displayName, String decision, String comment, Instant at) {
    }
}
