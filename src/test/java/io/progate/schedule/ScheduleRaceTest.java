package io.progate.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.account.User;
import io.progate.audit.AuditEvent;
import io.progate.execution.Claim;
import io.progate.execution.ExecutionQueue;
import io.progate.fixtures.ExecutionFixtures;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.MovableClock;
import io.progate.fixtures.Requests;
import io.progate.policy.PolicyService;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestService;
import io.progate.request.RequestStatus;
import io.progate.team.PolicyInput;
import io.progate.team.TeamPolicy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scheduling without a running worker, step by step: two replicas' sweeps and claims racing on a
 * released request, a freeze declared after the approval, cancelling while scheduled, and the
 * policy doors of change windows.
 */
@QuarkusTest
class ScheduleRaceTest {

    @Inject
    ExecutionFixtures x;

    @Inject
    RequestService requests;

    @Inject
    ExecutionQueue queue;

    @Inject
    PolicyService policies;

    @Inject
    FreezeService freezes;

    MovableClock clock;
    ExecutorService pool = Executors.newFixedThreadPool(2);

    @BeforeEach
    void clock() {
        clock = MovableClock.install("2031-01-04T12:00:00Z");
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private ReleaseRequest scheduledInWindow(ExecutionFixtures.SandboxTeam t) throws Exception {
        policies.change(t.team().slug, t.admin(), new PolicyInput(null, null, null, null, null, null,
                List.of("Mon-Thu 09:00-16:00 Europe/Amsterdam"), null));
        String name = Fixtures.unique("Race");
        ReleaseRequest r = x.filePublish(t, ExecutionFixtures.metadata(name, "1.0"), ExecutionFixtures.packageFile(name));
        x.approve(t, r.id);
        assertEquals(RequestStatus.SCHEDULED, x.status(r.id));
        return r;
    }

    /** Runs both at once, released together by a latch, and answers both results. */
    private <T> List<T> race(Callable<T> a, Callable<T> b) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        Future<T> fa = pool.submit(() -> {
            go.await();
            return a.call();
        });
        Future<T> fb = pool.submit(() -> {
            go.await();
            return b.call();
        });
        go.countDown();
        return List.of(fa.get(), fb.get());
    }

    @Test
    void twoReplicasReleasingAndClaimingAScheduledRequestRunItOnce() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        ReleaseRequest r = scheduledInWindow(t);
        assertEquals(List.of(0, 0), race(requests::releaseDue, requests::releaseDue));
        assertEquals(RequestStatus.SCHEDULED, x.status(r.id), "still Saturday");

        clock.set("2031-01-06T08:00:00Z");
        List<Integer> released = race(requests::releaseDue, requests::releaseDue);
        assertEquals(RequestStatus.APPROVED, x.status(r.id));
        long releases = QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "action = 'request.released' and targetId = ?1", r.id.toString()));
        assertEquals(1, releases, "released once, whatever each sweep counted: " + released);

        List<Optional<Claim>> claims = race(() -> queue.claim(r.id, "replica-a", Duration.ofMinutes(5)),
                () -> queue.claim(r.id, "replica-b", Duration.ofMinutes(5)));
        assertEquals(1, claims.stream().filter(Optional::isPresent).count(), "exactly one replica claims it");
        assertEquals(RequestStatus.EXECUTING, x.status(r.id));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> AuditEvent.count(
                "action = 'execution.start' and targetId = ?1", r.id.toString())));
        assertTrue(queue.claim(r.id, "replica-c", Duration.ofMinutes(5)).isEmpty(), "a third comer gets nothing");
    }

    @Test
    void aFreezeDeclaredAfterTheApprovalHoldsTheRequestAtItsClaimAndLiftingReleasesIt() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("LateFreeze");
        ReleaseRequest r = x.filePublish(t, ExecutionFixtures.metadata(name, "1.0"), ExecutionFixtures.packageFile(name));
        x.approve(t, r.id);
        assertEquals(RequestStatus.APPROVED, x.status(r.id), "no window, no freeze: approved (no worker runs here)");
        Freeze f = freezes.declare(t.team().slug, t.approver(),
                new FreezeService.FreezeInput(null, "2031-01-04T20:00:00Z", "incident 42"));

        assertTrue(queue.claim(r.id, "replica-a", Duration.ofMinutes(5)).isEmpty());

        ReleaseRequest held = x.reload(r.id);
        assertEquals(RequestStatus.SCHEDULED, held.status);
        assertEquals(f.id, held.heldByFreeze);
        assertEquals(0, requests.releaseDue(), "the freeze still holds");
        freezes.lift(f.id, t.admin());
        assertEquals(1, requests.releaseDue());
        assertEquals(RequestStatus.APPROVED, x.status(r.id));
        assertTrue(queue.claim(r.id, "replica-a", Duration.ofMinutes(5)).isPresent());
    }

    @Test
    void theAuthorCancelsAScheduledRequest() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        ReleaseRequest r = scheduledInWindow(t);
        Requests.act(t.approver(), r.id, "cancel", null).then().statusCode(403);
        assertEquals(RequestStatus.SCHEDULED, x.status(r.id));
        Requests.act(t.author(), r.id, "cancel", null).then().statusCode(200);
        ReleaseRequest cancelled = x.reload(r.id);
        assertEquals(RequestStatus.CANCELLED, cancelled.status);
        assertEquals(null, cancelled.scheduledUntil);
        clock.set("2031-01-06T08:00:00Z");
        assertEquals(0, requests.releaseDue());
        assertEquals(RequestStatus.CANCELLED, x.status(r.id));
    }

    @Test
    void narrowerWindowsApplyAtOnceAndWiderOnesWaitForASecondPerson() {
        ExecutionFixtures.SandboxTeam t = x.team();
        User approver = t.approver();
        String path = "/api/v1/teams/" + t.team().slug + "/policy";
        Requests.as(approver).contentType("application/json")
                .body(Map.of("changeWindows", List.of("Mon-Fri 08:00-18:00 Europe/Amsterdam"))).put(path)
                .then().statusCode(200).body("changeWindows[0]", org.hamcrest.Matchers.equalTo(
                        "Mon-Fri 08:00-18:00 Europe/Amsterdam"));
        Requests.as(approver).contentType("application/json")
                .body(Map.of("changeWindows", List.of("Mon-Fri 08:00-18:00 Europe/Amsterdam", "Sat 10:00-12:00 UTC")))
                .put(path).then().statusCode(202).body("type", org.hamcrest.Matchers.equalTo("POLICY"));
        Requests.as(approver).contentType("application/json").body(Map.of("changeWindows", List.of("Someday 9-5")))
                .put(path).then().statusCode(400);
        Requests.as(t.author()).contentType("application/json").body(Map.of("changeWindows", List.of()))
                .put(path).then().statusCode(403);
        assertEquals("Mon-Fri 08:00-18:00 Europe/Amsterdam", QuarkusTransaction.requiringNew().call(
                () -> TeamPolicy.of(t.team()).changeWindows), "refused and pending changes changed nothing");
    }
}
