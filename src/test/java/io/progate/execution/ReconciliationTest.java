package io.progate.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.fixtures.ExecutionFixtures;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.SandboxAccounts;
import io.progate.pro.PackageSource;
import io.progate.pro.ProApps;
import io.progate.pro.model.PublishMetadata;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestStatus;
import io.progate.sandbox.store.SandboxApp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * An attempt left without outcome (the worker died mid-call) is reconciled by asking PRO, never
 * repeated blindly; and workers racing on one request carry it out once.
 */
@QuarkusTest
@TestProfile(WorkerOn.class)
class ReconciliationTest {

    static final String APPS = "/pro-api/v2/applications";

    @Inject
    ExecutionFixtures x;

    @Inject
    ExecutionWorker worker;

    @Inject
    ExecutionQueue queue;

    @Inject
    ExecutionRunner runner;

    @Inject
    ProApps apps;

    @Inject
    SandboxAccounts sandbox;

    @Inject
    EntityManager em;

    @Test
    void aPublishStoredByProWhoseAnswerWasLostIsReconciledWithoutASecondPublish() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Stored");
        Path file = ExecutionFixtures.packageFile(name);
        ReleaseRequest r = x.filePublish(t, ExecutionFixtures.metadata(name, "1.0"), file);
        // the dead worker's publish reached PRO and stored the app, but its answer never came back
        apps.publish(sandbox.demo(), PublishMetadata.of(name, "1.0", SandboxAccounts.OFFICIAL_VERSION)
                .withDescription("Demo " + name).withAttributes(java.util.Map.of("isWebUI", "false")),
                PackageSource.of(file));
        abandonWithUnknownAttempt(r.id);
        long before = x.lastCallId();

        runUntilFinished(r.id);

        ReleaseRequest done = x.reload(r.id);
        assertEquals(RequestStatus.SUCCEEDED, done.status, done.outcome);
        assertTrue(done.outcome.contains("\"reconciled\":true"), done.outcome);
        assertEquals(0, x.callsSince(before, "POST", APPS).size(), "no second publish reached PRO");
        List<ExecutionAttempt> attempts = x.attempts(r.id);
        assertEquals(1, attempts.size());
        assertEquals(AttemptOutcome.RECONCILED, attempts.get(0).outcome);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> SandboxApp.count("name", name)));
    }

    @Test
    void aPublishThatNeverArrivedIsSentAgainOnce() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Lost");
        ReleaseRequest r = x.filePublish(t, ExecutionFixtures.metadata(name, "1.0"), ExecutionFixtures.packageFile(name));
        abandonWithUnknownAttempt(r.id);
        long before = x.lastCallId();

        runUntilFinished(r.id);

        ReleaseRequest done = x.reload(r.id);
        assertEquals(RequestStatus.SUCCEEDED, done.status, done.outcome);
        assertEquals(List.of(AttemptOutcome.LOST, AttemptOutcome.SUCCEEDED),
                x.attempts(r.id).stream().map(a -> a.outcome).toList());
        assertEquals(1, x.callsSince(before, "POST", APPS).size());
    }

    @Test
    void aDeleteWhoseVersionIsGoneIsReconciledWithoutCallingDelete() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Deleted");
        apps.publish(sandbox.demo(), PublishMetadata.of(name, "1.0", SandboxAccounts.OFFICIAL_VERSION),
                PackageSource.of(SandboxAccounts.pack(name)));
        ReleaseRequest r = x.fileDelete(t, name, "1.0");
        apps.delete(sandbox.demo(), name, "1.0");
        abandonWithUnknownAttempt(r.id);
        long before = x.lastCallId();

        runUntilFinished(r.id);

        assertEquals(RequestStatus.SUCCEEDED, x.status(r.id));
        assertEquals(0, x.callsSince(before, "DELETE", name).size());
        assertEquals(AttemptOutcome.RECONCILED, x.attempts(r.id).get(0).outcome);
    }

    @Test
    void workersRacingOnTheSameRequestsCarryEachOutOnce() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        List<ReleaseRequest> requests = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String name = Fixtures.unique("Race");
            names.add(name);
            requests.add(x.filePublish(t, ExecutionFixtures.metadata(name, "1.0"), ExecutionFixtures.packageFile(name)));
        }
        long before = x.lastCallId();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (ReleaseRequest r : requests) {
                markApprovedWithoutWakeUp(r.id);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> racers = new ArrayList<>();
                for (String workerId : List.of("racer-a", "racer-b")) {
                    racers.add(pool.submit(() -> {
                        start.await();
                        Optional<Claim> claim = queue.claim(r.id, workerId, Duration.ofMinutes(2));
                        claim.ifPresent(c -> runner.run(c, workerId));
                        return claim.isPresent();
                    }));
                }
                start.countDown();
                int claimed = 0;
                for (Future<Boolean> racer : racers) {
                    claimed += racer.get() ? 1 : 0;
                }
                assertTrue(claimed <= 1, "at most one racer claims request " + r.id);
                assertEquals(RequestStatus.SUCCEEDED, x.await(r.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED).status);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < requests.size(); i++) {
            String name = names.get(i);
            assertEquals(1, x.attempts(requests.get(i).id).size());
            assertEquals(1, x.callsSince(before, "POST", APPS).stream()
                    .filter(c -> c.detail != null && c.detail.contains("file (" + name + ".aimmspack")).count());
        }
    }

    @Test
    void theSweepCatchesAMissedWakeUpAndAClaimWhoseWorkerDied() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String missed = Fixtures.unique("Missed");
        String orphan = Fixtures.unique("Orphan");
        ReleaseRequest a = x.filePublish(t, ExecutionFixtures.metadata(missed, "1.0"), ExecutionFixtures.packageFile(missed));
        ReleaseRequest b = x.filePublish(t, ExecutionFixtures.metadata(orphan, "1.0"), ExecutionFixtures.packageFile(orphan));

        markApprovedWithoutWakeUp(a.id);
        abandonWithUnknownAttempt(b.id);

        assertEquals(RequestStatus.SUCCEEDED, x.await(a.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED).status);
        assertEquals(RequestStatus.SUCCEEDED, x.await(b.id, RequestStatus.SUCCEEDED, RequestStatus.FAILED).status);
        assertEquals(List.of(AttemptOutcome.LOST, AttemptOutcome.SUCCEEDED),
                x.attempts(b.id).stream().map(at -> at.outcome).toList());
    }

    private void abandonWithUnknownAttempt(long requestId) {
        x.abandonWithUnknownAttempt(requestId);
    }

    private void markApprovedWithoutWakeUp(long requestId) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update release_request set status = 'APPROVED', updated_at = now() where id = ?1")
                .setParameter(1, requestId).executeUpdate());
    }

    private void runUntilFinished(long requestId) {
        worker.runOne(requestId);
        x.await(requestId, RequestStatus.SUCCEEDED, RequestStatus.FAILED);
    }
}
