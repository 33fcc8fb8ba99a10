package io.progate.request.blast;

import java.util.List;

/**
 * What a delete request would take away, read before it is carried out: whether the app disappears,
 * which version is tagged latest before and after, how many versions remain, who loses access, which
 * tasks of the version are still queued or running in PRO, and why the request needs its approvals.
 * A part that could not be read says so ({@code versionsUnknown}, {@code tasksUnknown}) instead of
 * guessing; the access list says where it comes from ({@code accessSource}).
 */
public record BlastRadius(
        String appName,
        String appVersion,
        boolean versionsKnown,
        String versionsUnknown,
        boolean versionExists,
        boolean lastVersion,
        boolean deletesLatest,
        String latestBefore,
        String latestAfter,
        int remaining,
        List<String> remainingVersions,
        boolean accessKnown,
        String accessSource,
        List<String> losesAccess,
        boolean tasksKnown,
        String tasksUnknown,
        List<OpenTask> openTasks,
        int requiredApprovals,
        int policyDeleteApprovals,
        String approvalReason,
        String summary) {

    /** A task of the version that has not ended. */
    public record OpenTask(String id, String serviceName, String state, String userName, String createdAt) {
    }
}
