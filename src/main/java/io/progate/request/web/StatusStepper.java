package io.progate.request.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.progate.request.RequestStatus;
import io.quarkus.qute.TemplateExtension;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The status stepper of a request's page (filed, approvals n/m, executing, and how it ended) and its
 * outcome in words. Every status has one line in {@link #STAGES}: a status added to
 * {@link RequestStatus} is one more line here (a test fails until it has one).
 */
@TemplateExtension
public final class StatusStepper {

    /** Filed, approvals, executing, end: the index of each step. */
    static final int FILED = 0;
    static final int APPROVALS = 1;
    static final int EXECUTING = 2;
    static final int END = 3;

    /**
     * Where a status stands: the step it is on, how that step shows ({@code current}, {@code waiting},
     * {@code done}, {@code failed}, {@code stopped}), the last step's label, and a sentence under the stepper.
     */
    record Stage(int at, String mark, String end, String caption) {
    }

    static final Map<RequestStatus, Stage> STAGES = new EnumMap<>(Map.of(
            RequestStatus.PENDING, new Stage(APPROVALS, "current", "Done", "Waiting for approvals."),
            RequestStatus.APPROVED, new Stage(EXECUTING, "waiting", "Done", "Approved: waiting for ProGate to carry it out."),
            RequestStatus.SCHEDULED, new Stage(EXECUTING, "waiting", "Done",
                    "Approved: waiting for a change window, a freeze to end or its start time."),
            RequestStatus.EXECUTING, new Stage(EXECUTING, "current", "Done", "ProGate is carrying it out in PRO."),
            RequestStatus.SUCCEEDED, new Stage(END, "done", "Done", "Done."),
            RequestStatus.FAILED, new Stage(END, "failed", "Failed", "Failed: an approver may retry it or close it."),
            RequestStatus.CLOSED, new Stage(END, "failed", "Failed, closed", "Failed, and closed: nothing more will be tried."),
            RequestStatus.REJECTED, new Stage(APPROVALS, "stopped", "Rejected", "Rejected by an approver."),
            RequestStatus.CANCELLED, new Stage(APPROVALS, "stopped", "Cancelled", "Cancelled by its author."),
            RequestStatus.EXPIRED, new Stage(APPROVALS, "stopped", "Expired", "Expired: no decision within the team's time limit.")));

    /** One step as shown: its label and its mark (a CSS class). */
    public record Step(String label, String mark) {
    }

    /** The steps and the sentence under them. */
    public record Stepper(List<Step> steps, String caption) {
    }

    private StatusStepper() {
    }

    static Stage stage(RequestStatus status) {
        Stage stage = STAGES.get(status);
        if (stage == null) {
            throw new IllegalStateException("no stage for status " + status);
        }
        return stage;
    }

    /** The stepper of a request with {@code approvals} of {@code required} approvals. */
    public static Stepper of(RequestStatus status, long approvals, int required) {
        Stage stage = stage(status);
        String[] labels = {"Filed", "Approvals " + approvals + "/" + required, "Executing", stage.end()};
        boolean stopped = "stopped".equals(stage.mark());
        List<Step> steps = new ArrayList<>();
        for (int i = FILED; i <= END; i++) {
            String mark;
            if (i < stage.at()) {
                mark = "done";
            } else if (i == stage.at()) {
                mark = stage.mark();
            } else if (stopped) {
                mark = i == END ? "stopped" : "skipped";
            } else {
                mark = "todo";
            }
            steps.add(new Step(labels[i], mark));
        }
        return new Stepper(steps, stage.caption());
    }

    /** For templates: {@code {v.stepper}}. */
    static Stepper stepper(RequestView v) {
        return of(RequestStatus.valueOf(v.status()), v.approvalCount(), v.requiredApprovals());
    }

    /**
     * The stored outcome in words: "Succeeded after 1 attempt: ..." or "Failed after 3 attempts, PRO
     * answered 409: ..."; empty when there is none.
     */
    static String outcomeText(RequestView v) {
        return outcomeText(v.outcome());
    }

    static String outcomeText(JsonNode outcome) {
        if (outcome == null || !outcome.isObject()) {
            return "";
        }
        String status = outcome.path("status").asText("");
        StringBuilder text = new StringBuilder(switch (status) {
            case "SUCCEEDED" -> "Succeeded";
            case "FAILED" -> "Failed";
            default -> status.isEmpty() ? "Ended" : status.charAt(0) + status.substring(1).toLowerCase(java.util.Locale.ROOT);
        });
        int attempts = outcome.path("attempts").asInt(0);
        if (attempts > 0) {
            text.append(" after ").append(attempts).append(attempts == 1 ? " attempt" : " attempts");
        }
        if (outcome.path("reconciled").asBoolean(false)) {
            text.append(" (found done in PRO after an interrupted call)");
        }
        if (outcome.hasNonNull("proStatus") && outcome.path("proStatus").asInt(0) > 0) {
            text.append(", PRO answered ").append(outcome.path("proStatus").asInt());
        }
        String message = outcome.path("message").asText("");
        if (!message.isBlank()) {
            text.append(": ").append(message);
        }
        return text.append(text.charAt(text.length() - 1) == '.' ? "" : ".").toString();
    }
}
