package io.progate.request.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.progate.request.RequestStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request page's stepper takes every status from one table, and the outcome reads in words. */
class StatusStepperTest {

    private static List<String> marks(StatusStepper.Stepper s) {
        return s.steps().stream().map(StatusStepper.Step::mark).toList();
    }

    private static List<String> labels(StatusStepper.Stepper s) {
        return s.steps().stream().map(StatusStepper.Step::label).toList();
    }

    @Test
    void everyStatusHasAStage() {
        for (RequestStatus status : RequestStatus.values()) {
            assertTrue(StatusStepper.STAGES.containsKey(status), status + " needs a line in StatusStepper.STAGES");
            assertEquals(4, StatusStepper.of(status, 0, 1).steps().size());
        }
    }

    @Test
    void aPendingRequestIsAtItsApprovalsWithTheCount() {
        StatusStepper.Stepper s = StatusStepper.of(RequestStatus.PENDING, 1, 2);
        assertEquals(List.of("Filed", "Approvals 1/2", "Executing", "Done"), labels(s));
        assertEquals(List.of("done", "current", "todo", "todo"), marks(s));
        assertEquals("Waiting for approvals.", s.caption());
    }

    @Test
    void approvedWaitsForExecutionAndSucceededIsDone() {
        assertEquals(List.of("done", "done", "waiting", "todo"), marks(StatusStepper.of(RequestStatus.APPROVED, 2, 2)));
        assertEquals(List.of("done", "done", "current", "todo"), marks(StatusStepper.of(RequestStatus.EXECUTING, 2, 2)));
        assertEquals(List.of("done", "done", "done", "done"), marks(StatusStepper.of(RequestStatus.SUCCEEDED, 2, 2)));
    }

    @Test
    void aFailureEndsFailedAndARejectionStopsAtTheApprovals() {
        StatusStepper.Stepper failed = StatusStepper.of(RequestStatus.FAILED, 1, 1);
        assertEquals("Failed", labels(failed).get(3));
        assertEquals(List.of("done", "done", "done", "failed"), marks(failed));
        StatusStepper.Stepper rejected = StatusStepper.of(RequestStatus.REJECTED, 0, 1);
        assertEquals(List.of("Filed", "Approvals 0/1", "Executing", "Rejected"), labels(rejected));
        assertEquals(List.of("done", "stopped", "skipped", "stopped"), marks(rejected));
        assertEquals("Expired", labels(StatusStepper.of(RequestStatus.EXPIRED, 0, 1)).get(3));
        assertEquals("Cancelled", labels(StatusStepper.of(RequestStatus.CANCELLED, 0, 1)).get(3));
    }

    @Test
    void theOutcomeReadsAsASentence() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("Succeeded after 1 attempt: published.", StatusStepper.outcomeText(json.readTree(
                "{\"status\":\"SUCCEEDED\",\"message\":\"published\",\"attempts\":1,\"reconciled\":false}")));
        assertEquals("Failed after 2 attempts, PRO answered 409: PRO refused the change.", StatusStepper.outcomeText(
                json.readTree("{\"status\":\"FAILED\",\"message\":\"PRO refused the change\",\"proStatus\":409,\"attempts\":2}")));
        assertEquals("Succeeded after 1 attempt (found done in PRO after an interrupted call): reconciled: version exists.",
                StatusStepper.outcomeText(json.readTree("{\"status\":\"SUCCEEDED\",\"message\":\"reconciled: version exists\","
                        + "\"attempts\":1,\"reconciled\":true}")));
        assertEquals("Succeeded: the team's policy was changed.", StatusStepper.outcomeText(json.readTree(
                "{\"status\":\"SUCCEEDED\",\"message\":\"the team's policy was changed\"}")));
        assertEquals("", StatusStepper.outcomeText((com.fasterxml.jackson.databind.JsonNode) null));
    }
}
