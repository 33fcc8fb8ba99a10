package io.progate.pro.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.progate.pro.ProTimestamps;
import java.time.Instant;

/**
 * A PRO task. {@code state} is one of {@code queued, assigned, running, solving, completed,
 * failed} (kept as text so that a new state does not break reading). Timestamps arrive as
 * {@code 2023-11-23 15:16:38.000000} (UTC) or as ISO-8601; both are read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProTask(
        String id,
        String appName,
        String appVersion,
        String serviceName,
        String state,
        @JsonDeserialize(using = ProTimestamps.class) Instant createdAt,
        @JsonDeserialize(using = ProTimestamps.class) Instant assignedAt,
        @JsonDeserialize(using = ProTimestamps.class) Instant runningAt,
        @JsonDeserialize(using = ProTimestamps.class) Instant endedAt,
        Double queueTime,
        Double runTime,
        Integer returnCode,
        String errorMessage,
        String userName) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    /** Completed or failed: the task will not change any more. */
    public boolean isFinished() {
        return COMPLETED.equalsIgnoreCase(state) || FAILED.equalsIgnoreCase(state);
    }
}
