package io.progate.execution;

import io.progate.access.CurrentAccess;
import io.progate.account.User;
import io.progate.audit.AuditRecord;
import io.progate.audit.AuditLog;
import io.progate.common.ConflictException;
import io.progate.credential.Credential;
import io.progate.credential.CredentialService;
import io.progate.credential.Scope;
import io.progate.pro.ProAccount;
import io.progate.pro.ProException;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestService;
import io.progate.request.RequestStatus;
import io.progate.request.RequestType;
import io.progate.team.Team;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What people do with and see of an execution: its attempts, closing a failure, the before/after view. */
@ApplicationScoped
public class ExecutionService {

    @Inject
    RequestService requests;

    @Inject
    CredentialService credentials;

    @Inject
    BeforeAfterService beforeAfter;

    @Inject
    AuditLog audit;

    /** The request's execution as {@code user} may see it (404 for other teams). */
    @Transactional
    public ExecutionView view(long requestId, User user) {
        ReleaseRequest r = requests.require(requestId, user);
        Optional<ExecutionJob> job = ExecutionJob.forRequest(requestId);
        boolean closed = job.map(ExecutionJob::isClosed).orElse(false) && r.status == RequestStatus.FAILED;
        boolean mayAct = r.status == RequestStatus.FAILED && !closed && requests.mayDecide(r, user);
        return new ExecutionView(r.id, r.status.name(), closed, job.map(j -> j.closedBy).orElse(null), r.outcome,
                mayAct, ExecutionAttempt.of(requestId).stream().map(ExecutionView.AttemptView::of).toList(),
                ExecutionAttempt.latestSnapshot(requestId).flatMap(a -> beforeAfter.fromJson(a.snapshot)).orElse(null));
    }

    /** An approver closes a FAILED request: nothing more will be tried unless someone retries it. */
    @Transactional
    public void close(long requestId, User user) {
        ReleaseRequest r = ReleaseRequest.findById(requestId, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw new jakarta.ws.rs.NotFoundException("no such request");
        }
        requests.require(requestId, user);
        if (!requests.mayDecide(r, user)) {
            throw new ForbiddenException("only approvers of the team, other than the author, close a request");
        }
        if (r.status != RequestStatus.FAILED) {
            throw new ConflictException("only a FAILED request can be closed; this one is " + r.status);
        }
        ExecutionJob job = ExecutionJob.forRequest(requestId).orElseGet(() -> {
            ExecutionJob fresh = new ExecutionJob();
            fresh.requestId = requestId;
            fresh.availableAt = Instant.now();
            fresh.persist();
            return fresh;
        });
        if (job.isClosed()) {
            throw new ConflictException("the request is closed already");
        }
        job.closedAt = Instant.now();
        job.closedBy = user.username;
        audit.record(AuditRecord.of("execution.close", "request", r.id.toString()).team(r.team.id)
                .details(Map.of("type", r.type.name(), "appName", r.appName, "appVersion", r.appVersion)));
    }

    /**
     * The before/after view from live PRO now, for updates and deletes: empty for publishes. Opens
     * the team's key for these reads only.
     */
    public LiveView live(long requestId, User user) {
        ReleaseRequest r = QuarkusTransaction.requiringNew().call(() -> {
            ReleaseRequest found = requests.require(requestId, user);
            found.team.slug.length();
            return found;
        });
        if (r.type == RequestType.PUBLISH) {
            return new LiveView(null, null);
        }
        Optional<Credential> key = QuarkusTransaction.requiringNew()
                .call(() -> credentials.usableFor(Team.findById(r.team.id), Scope.PUBLISH_APP));
        if (key.isEmpty()) {
            return new LiveView(null, FailureWords.noKey());
        }
        CurrentAccess accessBefore = beforeAfter.accessBefore(r.team.id, r.appName, r.appVersion, r.id);
        try {
            return credentials.withSecret(key.get(), secret -> new LiveView(beforeAfter.compute(
                    new ProAccount(r.team.proUrl, secret.reveal()), r.team.id, r.type, r.appName, r.appVersion,
                    r.payload, accessBefore), null));
        } catch (ProException | ConflictException e) {
            return new LiveView(null, "PRO could not be asked: " + e.getMessage());
        }
    }

    /** The live view, or why there is none. */
    public record LiveView(BeforeAfter now, String problem) {
    }
}
