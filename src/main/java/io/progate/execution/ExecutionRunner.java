package io.progate.execution;

import io.progate.common.ConflictException;
import io.progate.credential.Credential;
import io.progate.credential.CredentialService;
import io.progate.credential.Scope;
import io.progate.pro.ProAccount;
import io.progate.pro.ProException;
import io.progate.request.RequestType;
import io.progate.team.Team;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Carries out one claimed request: opens the team's key (only here, only for these calls), asks
 * PRO about an earlier attempt of unknown outcome, checks for drift, records the attempt, makes the
 * one changing call and records its outcome.
 */
@ApplicationScoped
public class ExecutionRunner {

    @Inject
    CredentialService credentials;

    @Inject
    ProOperations ops;

    @Inject
    ExecutionRecorder recorder;

    @Inject
    BeforeAfterService beforeAfter;

    @Inject
    ExecutionMetrics metrics;

    public void run(Claim c, String workerId) {
        if (c.approvedAt() != null) {
            metrics.startDelay(Duration.between(c.approvedAt(), Instant.now()));
        }
        if (c.type() == RequestType.PUBLISH && (c.pkg() == null || c.pkg().isPurged())) {
            refuse(c, workerId, AttemptOutcome.FAILED, FailureWords.purged());
            return;
        }
        Optional<Credential> key = QuarkusTransaction.requiringNew()
                .call(() -> credentials.usableFor(Team.findById(c.teamId()), Scope.PUBLISH_APP));
        if (key.isEmpty()) {
            refuse(c, workerId, AttemptOutcome.FAILED, FailureWords.noKey());
            return;
        }
        try {
            credentials.withSecret(key.get(), secret -> {
                execute(c, workerId, new ProAccount(c.proUrl(), secret.reveal()));
                return null;
            });
        } catch (ConflictException e) {
            refuse(c, workerId, AttemptOutcome.FAILED, FailureWords.keyUnusable(e.getMessage()));
        }
    }

    private void execute(Claim c, String workerId, ProAccount account) {
        BeforeAfter snapshot;
        try {
            if (c.uncertain()) {
                Reconciliation found = ops.reconcile(account, c);
                if (found.kind() == Reconciliation.Kind.DONE) {
                    recorder.reconciled(c, found.message());
                    return;
                }
                if (found.kind() == Reconciliation.Kind.DIFFERENT) {
                    refuse(c, workerId, AttemptOutcome.DRIFT, FailureWords.drift(found.message()));
                    return;
                }
                recorder.lost(c, found.message());
            }
            Optional<String> drift = ops.drift(account, c);
            if (drift.isPresent()) {
                refuse(c, workerId, AttemptOutcome.DRIFT, FailureWords.drift(drift.get()));
                return;
            }
            snapshot = ops.snapshot(account, c, beforeAfter.accessBefore(c.teamId(), c.appName(), c.appVersion(),
                    c.requestId()));
        } catch (ProException e) {
            if (e.isTransient()) {
                recorder.refused(c, workerId, AttemptOutcome.TRANSIENT, "could not ask PRO: " + e.getMessage(), null);
                recorder.transientFailure(c, e.getMessage());
            } else {
                refuse(c, workerId, AttemptOutcome.FAILED, FailureWords.of(e, c), e.status());
            }
            return;
        }
        call(c, workerId, account, snapshot);
    }

    private void call(Claim c, String workerId, ProAccount account, BeforeAfter snapshot) {
        ExecutionAttempt attempt = recorder.begin(c, workerId, snapshot, beforeAfter.toJson(snapshot));
        long start = System.nanoTime();
        try {
            ops.perform(account, c);
            recorder.completed(c, attempt, AttemptOutcome.SUCCEEDED, null, "PRO accepted the " + c.what(), "",
                    since(start));
            recorder.succeeded(c, "PRO accepted the " + c.what());
        } catch (ProException e) {
            if (e.isTransient()) {
                recorder.completed(c, attempt, AttemptOutcome.TRANSIENT, e.status(), e.getMessage(), e.excerpt(),
                        since(start));
                recorder.transientFailure(c, e.getMessage());
            } else {
                String message = FailureWords.of(e, c);
                recorder.completed(c, attempt, AttemptOutcome.FAILED, e.status(), message, e.excerpt(), since(start));
                recorder.failed(c, message, e.status());
            }
        }
    }

    private void refuse(Claim c, String workerId, AttemptOutcome outcome, String message) {
        refuse(c, workerId, outcome, message, null);
    }

    private void refuse(Claim c, String workerId, AttemptOutcome outcome, String message, Integer proStatus) {
        recorder.refused(c, workerId, outcome, message, null);
        recorder.failed(c, message, proStatus);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
