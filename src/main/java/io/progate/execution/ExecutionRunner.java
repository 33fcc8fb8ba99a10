package io.progate.execution;

import io.progate.common.ConflictException;
import io.progate.credential.Credential;
import io.progate.packages.PackageMismatchException;
import io.progate.pro.ProAccount;
import io.progate.pro.ProException;
import io.progate.pro.model.ProScope;
import io.progate.pro.model.ProTask;
import io.progate.request.ProChecks;
import io.progate.request.RequestType;
import io.progate.teampro.TeamPro;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Carries out one claimed request: opens the team's key (only here, only for these calls), asks
 * PRO about an earlier attempt of unknown outcome, checks for drift, records the attempt, makes the
 * one changing call and records its outcome with the request's final status. Before every PRO call
 * it checks that the claim is still its own ({@link ExecutionRecorder#checkLease}); every write is
 * fenced the same way, so a worker that lost its claim stops without writing or calling PRO.
 */
@ApplicationScoped
public class ExecutionRunner {

    @Inject
    TeamPro teamPro;

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
        if (c.decidedBefore()) {
            recorder.resumeDecided(c);
            return;
        }
        if ((c.type() == RequestType.PUBLISH || c.type() == RequestType.TASK) && (c.pkg() == null || c.pkg().isPurged())) {
            recorder.refused(c, workerId, AttemptOutcome.FAILED, FailureWords.purged(), null);
            return;
        }
        Optional<Credential> key = teamPro.keyFor(c.teamId(), ProChecks.scopeFor(c.type()));
        if (key.isEmpty()) {
            recorder.refused(c, workerId, AttemptOutcome.FAILED, FailureWords.noKey(), null);
            return;
        }
        try {
            teamPro.with(key.get(), c.proUrl(), account -> {
                execute(c, workerId, account);
                return null;
            });
        } catch (ConflictException e) {
            recorder.refused(c, workerId, AttemptOutcome.FAILED, FailureWords.keyUnusable(e.getMessage()), null);
        }
    }

    private void execute(Claim c, String workerId, ProAccount account) {
        BeforeAfter snapshot;
        try {
            if (c.uncertain()) {
                recorder.checkLease(c);
                Reconciliation found = ops.reconcile(account, c);
                if (found.kind() == Reconciliation.Kind.DONE) {
                    recorder.reconciled(c, found.message(), found.taskId());
                    return;
                }
                if (found.kind() == Reconciliation.Kind.DIFFERENT) {
                    recorder.refused(c, workerId, AttemptOutcome.DRIFT, FailureWords.drift(found.message()), null);
                    return;
                }
                recorder.lost(c, found.message());
            }
            recorder.checkLease(c);
            Optional<String> drift = ops.drift(account, c);
            if (drift.isPresent()) {
                recorder.refused(c, workerId, AttemptOutcome.DRIFT, FailureWords.drift(drift.get()), null);
                return;
            }
            recorder.checkLease(c);
            snapshot = ops.snapshot(account, c, beforeAfter.accessBefore(c.teamId(), c.appName(), c.appVersion(),
                    c.requestId()));
        } catch (ProException e) {
            if (e.isTransient()) {
                recorder.transientRead(c, workerId, "could not ask PRO: " + e.getMessage());
            } else {
                recorder.refused(c, workerId, AttemptOutcome.FAILED, FailureWords.of(e, c), e.status());
            }
            return;
        }
        call(c, workerId, account, snapshot);
    }

    private void call(Claim c, String workerId, ProAccount account, BeforeAfter snapshot) {
        ExecutionAttempt attempt = recorder.begin(c, workerId, beforeAfter.toJson(snapshot));
        long start = System.nanoTime();
        ProTask created;
        try {
            created = ops.perform(account, c);
        } catch (ProException e) {
            if (e.isTransient()) {
                recorder.transientCall(c, attempt, e.status(), e.getMessage(), e.excerpt(), since(start));
            } else {
                recorder.failed(c, attempt, e.status(), FailureWords.of(e, c), e.excerpt(), since(start));
            }
            return;
        } catch (RuntimeException e) {
            Optional<PackageMismatchException> mismatch = mismatch(e);
            if (mismatch.isEmpty()) {
                throw e;
            }
            recorder.failed(c, attempt, null, mismatch.get().getMessage(), "", since(start));
            return;
        }
        recorder.succeeded(c, attempt, since(start), created);
    }

    /** The package-mismatch refusal somewhere in the cause chain of a failed upload. */
    private static Optional<PackageMismatchException> mismatch(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PackageMismatchException) {
                return Optional.of((PackageMismatchException) t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
