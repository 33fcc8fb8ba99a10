package io.progate.procheck;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of a PRO connection check of one team: per read ProGate relies on, which key was
 * used (its label, never its value) and OK with a summary, or the exact failure, or why it was
 * skipped; plus the state of the account's circuit breaker.
 */
public record ProCheck(String team, String proUrl, Instant checkedAt, String breaker, List<Step> steps) {

    public static final String OK = "OK";
    public static final String FAILED = "FAILED";
    public static final String SKIPPED = "SKIPPED";

    /**
     * One read: {@code call} in words, the HTTP method and path below the account URL, the scope
     * it needs, whether AIMMS documents it, the key used, the outcome and what was found or went wrong.
     */
    public record Step(String call, String method, String path, String scope, boolean documented, String key,
            String outcome, String detail, Integer proStatus, String excerpt, long durationMs) {

        public boolean failed() {
            return FAILED.equals(outcome);
        }
    }

    public long failures() {
        return steps.stream().filter(Step::failed).count();
    }
}
