package io.progate.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.audit.AuditEvent;
import io.progate.execution.WorkerOn;
import io.progate.fixtures.ExecutionFixtures;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.MovableClock;
import io.progate.fixtures.Requests;
import io.progate.common.InvalidInputException;
import io.progate.packages.Upload;
import io.progate.policy.PolicyService;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestService;
import io.progate.request.RequestStatus;
import io.progate.request.Submission;
import io.progate.team.PolicyInput;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Change windows and start times with the worker running and the clock injected: an approved request
 * outside its window waits as SCHEDULED, says until when, and runs when the sweep sees the window open.
 */
@QuarkusTest
@TestProfile(WorkerOn.class)
class ChangeWindowTest {

    /** A Saturday; Amsterdam is at UTC+1 in January. */
    static final String SATURDAY_NOON = "2031-01-04T12:00:00Z";
    static final Instant MONDAY_OPENING = Instant.parse("2031-01-06T08:00:00Z");

    @Inject
    ExecutionFixtures x;

    @Inject
    PolicyService policies;

    @Inject
    RequestService requests;

    MovableClock clock;

    @BeforeEach
    void clock() {
        clock = MovableClock.install(SATURDAY_NOON);
    }

    private void windows(ExecutionFixtures.SandboxTeam t, String... lines) {
        policies.change(t.team().slug, t.admin(), new PolicyInput(null, null, null, null, null, null, List.of(lines),
                null));
    }

    private ReleaseRequest file(ExecutionFixtures.SandboxTeam t, String name, String notBefore) throws Exception {
        Path file = ExecutionFixtures.packageFile(name);
        return requests.submit(t.team().slug, t.author(), new Submission("PUBLISH", "ship it",
                ExecutionFixtures.metadata(name, "1.0"), null, null, null, new Upload(file, name + ".aimmspack"), null)
                .notBefore(notBefore));
    }

    private List<String> actions(long id) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "targetType = 'request' and targetId = ?1 order by id", Long.toString(id)).stream()
                .map(e -> e.action).toList());
    }

    @Test
    void approvedRequestOutsideItsWindowWaitsScheduledAndRunsWhenTheWindowOpens() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        windows(t, "Mon-Thu 09:00-16:00 Europe/Amsterdam");
        String name = Fixtures.unique("Windowed");
        ReleaseRequest r = file(t, name, null);
        long before = x.lastCallId();

        x.approve(t, r.id);

        ReleaseRequest held = x.reload(r.id);
        assertEquals(RequestStatus.SCHEDULED, held.status);
        assertEquals(MONDAY_OPENING, held.scheduledUntil);
        JsonPath json = Requests.as(t.author()).get("/api/v1/requests/" + r.id).then().statusCode(200).extract()
                .jsonPath();
        assertEquals("SCHEDULED", json.getString("status"));
        assertEquals("2031-01-06T08:00:00Z", json.getString("schedule.until"));
        assertTrue(json.getString("schedule.why").contains("Mon-Thu 09:00-16:00 Europe/Amsterdam"),
                json.getString("schedule.why"));
        String page = Requests.as(t.author()).get("/requests/" + r.id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("2031-01-06 08:00 UTC"), "the page says when it starts");

        Thread.sleep(2500); // two sweeps: still Saturday, so nothing starts
        assertEquals(RequestStatus.SCHEDULED, x.status(r.id));
        assertTrue(x.callsSince(before, "POST", "/pro-api/v2/applications").isEmpty(), "nothing reached PRO");

        clock.set("2031-01-06T08:00:01Z");
        ReleaseRequest done = x.await(r.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED);

        assertEquals(RequestStatus.SUCCEEDED, done.status, done.outcome);
        assertEquals(1, x.callsSince(before, "POST", "/pro-api/v2/applications").size());
        List<String> actions = actions(r.id);
        assertTrue(actions.containsAll(List.of("request.approved", "request.scheduled", "request.released",
                "execution.start", "request.succeeded")), actions.toString());
        assertEquals(null, done.scheduledUntil, "a released request keeps no schedule");
    }

    @Test
    void aRequestAskedToStartLaterWaitsUntilThenEvenWithoutWindows() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Later");
        ReleaseRequest r = file(t, name, "2031-01-04T15:30:00Z");
        assertEquals(Instant.parse("2031-01-04T15:30:00Z"), x.reload(r.id).notBefore);

        x.approve(t, r.id);

        ReleaseRequest held = x.reload(r.id);
        assertEquals(RequestStatus.SCHEDULED, held.status);
        assertEquals(Instant.parse("2031-01-04T15:30:00Z"), held.scheduledUntil);
        assertTrue(held.scheduledWhy.contains("not before"), held.scheduledWhy);

        clock.set("2031-01-04T15:30:00Z");
        assertEquals(RequestStatus.SUCCEEDED, x.await(r.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED).status);
    }

    @Test
    void aStartTimeInThePastOrUnreadableIsRefusedAndNothingIsFiled() {
        ExecutionFixtures.SandboxTeam t = x.team();
        long count = QuarkusTransaction.requiringNew().call(() -> ReleaseRequest.count("team", t.team()));
        for (String bad : new String[] {"2031-01-04T11:00:00Z", "next tuesday", "2033-01-01T00:00:00Z"}) {
            InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                    () -> file(t, Fixtures.unique("Bad"), bad));
            assertEquals("notBefore", e.errors().get(0).field(), bad);
        }
        assertEquals(count, QuarkusTransaction.requiringNew().call(() -> ReleaseRequest.count("team", t.team())));
    }
}
