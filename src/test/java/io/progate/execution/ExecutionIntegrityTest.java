package io.progate.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.progate.credential.CredentialInput;
import io.progate.credential.CredentialService;
import io.progate.fixtures.ExecutionFixtures;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.SandboxAccounts;
import io.progate.pro.PackageSource;
import io.progate.pro.ProAccount;
import io.progate.pro.ProApps;
import io.progate.pro.ProDirectory;
import io.progate.pro.model.ProScope;
import io.progate.pro.model.PublishMetadata;
import io.progate.request.AuthorizationEntry;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestStatus;
import io.progate.request.UpdateFields;
import io.progate.sandbox.store.SandboxApp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * An execution's record never lies: a crash between the PRO call and the final status, a worker
 * that lost its claim, a package changed after approval, two executions of one team sharing a key.
 * The worker is off in this profile: each test drives claims by hand, on its own thread, so the
 * timing of every step is the test's. Tests use only calls that existed before fencing, so that
 * each can be run against the code as it was (where each of them fails).
 */
@QuarkusTest
class ExecutionIntegrityTest {

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
    ExecutionService executions;

    @Inject
    CredentialService credentials;

    @Inject
    ProApps apps;

    @Inject
    ProDirectory directory;

    @Inject
    SandboxAccounts sandbox;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCrashBetweenTheSuccessfulPublishAndTheFinalStatusEndsSucceededAtTheNextClaimWithoutASecondPublish()
            throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Crash");
        ReleaseRequest r = x.filePublish(t, ExecutionFixtures.metadata(name, "1.0"), ExecutionFixtures.packageFile(name));
        long before = x.lastCallId();
        markApproved(r.id);
        // the database refuses the move to SUCCEEDED once: as if the replica died right after PRO answered
        sql("create or replace function crash_" + r.id + "() returns trigger language plpgsql as $$ begin"
                + " if new.id = " + r.id + " and new.status = 'SUCCEEDED' then raise exception 'simulated crash'; end if;"
                + " return new; end $$");
        sql("create trigger crash_" + r.id + " before update on release_request for each row execute function crash_"
                + r.id + "()");
        try {
            worker.runOne(r.id);
        } finally {
            sql("drop trigger crash_" + r.id + " on release_request");
            sql("drop function crash_" + r.id + "()");
        }
        assertEquals(RequestStatus.EXECUTING, x.status(r.id), "the crash left the request executing");
        assertEquals(1, publishesOf(before, name), "PRO received the publish");
        lapseLease(r.id);

        worker.runOne(r.id);

        ReleaseRequest done = x.reload(r.id);
        assertEquals(RequestStatus.SUCCEEDED, done.status, done.outcome);
        assertEquals(1, publishesOf(before, name), "no second publish");
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> SandboxApp.count("name", name)));
    }

    @Test
    void aReclaimedRequestWhoseLastAttemptSucceededFinishesSucceededWithoutCallingPro() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Done");
        ReleaseRequest r = x.filePublish(t, ExecutionFixtures.metadata(name, "1.0"), ExecutionFixtures.packageFile(name));
        apps.publish(sandbox.demo(), PublishMetadata.of(name, "1.0", SandboxAccounts.OFFICIAL_VERSION)
                .withDescription("Demo " + name).withAttributes(Map.of("isWebUI", "false")),
                PackageSource.of(SandboxAccounts.pack(name)));
        abandonAfter(r.id, "SUCCEEDED", "PRO accepted the publish");
        long before = x.lastCallId();

        worker.runOne(r.id);

        ReleaseRequest done = x.reload(r.id);
        assertEquals(RequestStatus.SUCCEEDED, done.status, done.outcome);
        assertEquals(0, x.callsSince(before, "POST", APPS).size());
        assertEquals(1, x.attempts(r.id).size());
    }

    @Test
    void aReclaimedRequestWhoseLastAttemptFailedForGoodIsNotExecutedAgainWithoutARetry() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Kept");
        apps.publish(sandbox.demo(), PublishMetadata.of(name, "1.0", SandboxAccounts.OFFICIAL_VERSION),
                PackageSource.of(SandboxAccounts.pack(name)));
        ReleaseRequest r = x.fileDelete(t, name, "1.0");
        abandonAfter(r.id, "FAILED", "PRO refused the delete (403)");
        long before = x.lastCallId();

        worker.runOne(r.id);

        ReleaseRequest done = x.reload(r.id);
        assertEquals(RequestStatus.FAILED, done.status, done.outcome);
        assertEquals(0, x.callsSince(before, "DELETE", name).size(), "no delete without a retry");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> SandboxApp.byNameAndVersion(name, "1.0")).isPresent());
    }

    @Test
    void aWorkerThatLostItsClaimToAnotherNeitherCallsProNorWrites() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Fenced");
        ReleaseRequest r = x.filePublish(t, ExecutionFixtures.metadata(name, "1.0"), ExecutionFixtures.packageFile(name));
        markApproved(r.id);
        long before = x.lastCallId();
        Claim stale = queue.claim(r.id, "paused-worker", Duration.ofMinutes(2)).orElseThrow();
        // the paused worker's lease ran out and another worker took the request over
        lapseLease(r.id);
        Claim current = queue.claim(r.id, "live-worker", Duration.ofMinutes(2)).orElseThrow();

        runQuietly(stale, "paused-worker");

        assertEquals(0, publishesOf(before, name), "the worker without the claim did not publish");
        assertTrue(x.attempts(r.id).isEmpty(), "the worker without the claim wrote no attempt");
        assertEquals(RequestStatus.EXECUTING, x.status(r.id));

        runner.run(current, "live-worker");

        ReleaseRequest done = x.reload(r.id);
        assertEquals(RequestStatus.SUCCEEDED, done.status, done.outcome);
        assertEquals(1, publishesOf(before, name));
        assertEquals(List.of("live-worker"), x.attempts(r.id).stream().map(a -> a.workerId).toList());
    }

    @Test
    void aWorkerWhoseLeaseRanOutByTheDatabaseClockStopsBeforeCallingPro() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Lapsed");
        ReleaseRequest r = x.filePublish(t, ExecutionFixtures.metadata(name, "1.0"), ExecutionFixtures.packageFile(name));
        markApproved(r.id);
        long before = x.lastCallId();
        Claim claim = queue.claim(r.id, "stalled-worker", Duration.ofMinutes(2)).orElseThrow();
        lapseLease(r.id);

        runQuietly(claim, "stalled-worker");

        assertEquals(0, x.callsSince(before, "GET", name).size() + publishesOf(before, name), "no PRO call at all");
        assertTrue(x.attempts(r.id).isEmpty());
        worker.runOne(r.id);
        assertEquals(RequestStatus.SUCCEEDED, x.status(r.id));
        assertEquals(1, publishesOf(before, name));
    }

    @Test
    void aPackageChangedInStorageAfterApprovalIsNotPublishedAndTheRequestFailsSayingWhy() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String name = Fixtures.unique("Tampered");
        ReleaseRequest r = x.filePublish(t, ExecutionFixtures.metadata(name, "1.0"), ExecutionFixtures.packageFile(name));
        markApproved(r.id);
        long packageId = QuarkusTransaction.requiringNew().call(() -> ReleaseRequest.<ReleaseRequest>findById(r.id).pkg.id);
        // same length, one byte different: only a hash can tell
        sql("update request_package_chunk set data = overlay(data placing"
                + " decode(lpad(to_hex(get_byte(data, 10) # 255), 2, '0'), 'hex') from 11 for 1)"
                + " where package_id = " + packageId + " and seq = 0");
        long before = x.lastCallId();

        worker.runOne(r.id);

        ReleaseRequest done = x.reload(r.id);
        assertEquals(RequestStatus.FAILED, done.status, done.outcome);
        assertTrue(done.outcome.contains("SHA-256"), done.outcome);
        assertEquals(0, publishesOf(before, name), "nothing reached PRO");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> SandboxApp.byNameAndVersion(name, "1.0")).isEmpty());
        List<ExecutionAttempt> attempts = x.attempts(r.id);
        assertEquals(1, attempts.size());
        assertEquals(AttemptOutcome.FAILED, attempts.get(0).outcome);
    }

    @Test
    void twoExecutionsOfOneTeamAtTheSameMomentBothRunOnTheSameKey() throws Exception {
        ExecutionFixtures.SandboxTeam t = x.team();
        String a = Fixtures.unique("Twin");
        String b = Fixtures.unique("Twin");
        ReleaseRequest ra = x.filePublish(t, ExecutionFixtures.metadata(a, "1.0"), ExecutionFixtures.packageFile(a));
        ReleaseRequest rb = x.filePublish(t, ExecutionFixtures.metadata(b, "1.0"), ExecutionFixtures.packageFile(b));
        markApproved(ra.id);
        markApproved(rb.id);
        long credentialId = credentials.list(t.team().slug, t.admin()).get(0).id;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection holder = dataSource.getConnection()) {
            // hold the key's row so that both executions reach its use at the same moment
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select id from credential where id = ? for update")) {
                lock.setLong(1, credentialId);
                lock.executeQuery().close();
            }
            Future<Boolean> first = pool.submit(() -> worker.runOne(ra.id));
            Future<Boolean> second = pool.submit(() -> worker.runOne(rb.id));
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> waitingOnLocks() >= 2);
            holder.rollback();
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(RequestStatus.SUCCEEDED, x.status(ra.id), x.reload(ra.id).outcome);
        assertEquals(RequestStatus.SUCCEEDED, x.status(rb.id), x.reload(rb.id).outcome);
    }

    @Test
    void entityNamesInTheBeforeAfterViewAreReadWithTheTeamsAuthenticationKey() throws Exception {
        ProAccount publishOnly = sandbox.withScopes(ProScope.PUBLISH_APP);
        ProAccount directoryOnly = sandbox.withScopes(ProScope.AUTHENTICATION);
        ExecutionFixtures.SandboxTeam t = x.teamWithKey(publishOnly.apiKey(), "PublishApp");
        credentials.add(t.team().slug, t.admin(), new CredentialInput("directory", directoryOnly.apiKey(),
                List.of("Authentication"), LocalDate.now(ZoneOffset.UTC).plusDays(90).toString(), true));
        String name = Fixtures.unique("Access");
        apps.publish(sandbox.demo(), PublishMetadata.of(name, "1.0", SandboxAccounts.OFFICIAL_VERSION),
                PackageSource.of(SandboxAccounts.pack(name)));
        var environment = directory.environments(sandbox.demo()).stream().filter(e -> e.id() != null).findFirst()
                .orElseThrow();
        ReleaseRequest r = x.fileUpdate(t, name, "1.0", new UpdateFields(null, null, null, null,
                List.of(new AuthorizationEntry(4, false, environment.id())), null));

        ExecutionService.LiveView live = executions.live(r.id, t.author());

        assertTrue(live.problem() == null, live.problem());
        assertEquals(List.of("grant read to environment " + environment.environmentName() + " (#" + environment.id() + ")"),
                live.now().accessAdded());
    }

    private int publishesOf(long afterCallId, String name) {
        return (int) x.callsSince(afterCallId, "POST", APPS).stream()
                .filter(c -> c.status / 100 == 2 && c.detail != null && c.detail.contains("file (" + name + ".aimmspack"))
                .count();
    }

    private void runQuietly(Claim claim, String workerId) {
        try {
            runner.run(claim, workerId);
        } catch (RuntimeException refused) {
            // a worker that lost its claim stops with an exception; what matters is what it did not do
        }
    }

    private void markApproved(long requestId) {
        sql("update release_request set status = 'APPROVED', updated_at = now() where id = " + requestId);
    }

    private void lapseLease(long requestId) {
        sql("update execution_job set available_at = now() - interval '1 second' where request_id = " + requestId);
    }

    /** As a worker that died right after recording its attempt's final outcome leaves a request. */
    private void abandonAfter(long requestId, String outcome, String message) {
        sql("update release_request set status = 'EXECUTING', updated_at = now() where id = " + requestId);
        sql("insert into execution_job (request_id, available_at, worker_id) values (" + requestId
                + ", now() - interval '1 second', 'dead-worker')");
        sql("insert into execution_attempt (request_id, attempt_no, worker_id, started_at, finished_at, outcome, message)"
                + " values (" + requestId + ", 1, 'dead-worker', now() - interval '5 seconds', now() - interval '4 seconds', '"
                + outcome + "', '" + message + "')");
    }

    private long waitingOnLocks() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                        + " and query ilike '%credential%'");
                ResultSet rows = q.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }
}
