package io.progate.task;

import java.time.Instant;

/**
 * The task a TASK request created, as the API and the request page show it: PRO's id and state
 * (queued, assigned, running, solving, completed, failed), times, return code and error, and the
 * stored response (size, SHA-256, where to download it) once the task completed.
 */
public record TaskView(
        long requestId,
        String taskId,
        String state,
        boolean finished,
        Instant createdAt,
        Instant runningAt,
        Instant endedAt,
        Integer returnCode,
        String errorMessage,
        Instant checkedAt,
        Instant deletedAt,
        Response response,
        String responseProblem) {

    /** A stored response and the address that streams it. */
    public record Response(long size, String sha256, String url) {
    }

    public static TaskView of(RequestTask t, String responseUrl) {
        Response response = t.response == null || t.response.isPurged() ? null
                : new Response(t.response.sizeBytes, t.response.sha256, responseUrl);
        return new TaskView(t.requestId, t.taskId, t.state, t.isFinished(), t.proCreatedAt, t.runningAt, t.endedAt,
                t.returnCode, t.errorMessage, t.checkedAt, t.deletedAt, response, t.responseProblem);
    }
}
