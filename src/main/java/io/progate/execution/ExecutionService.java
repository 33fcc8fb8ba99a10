package io.progate.execution;

import io.progate.access.CurrentAccess;
import io.progate.account.User;
import io.progate.audit.AuditEvent;
import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.audit.Outcome;
import io.progate.common.ConflictException;
import io.progate.credential.Credential;
import io.progate.credential.Scope;
import io.progate.pro.ProException;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestAction;
import io.progate.request.RequestService;
import io.progate.request.RequestStatus;
import io.progate.request.RequestType;
import io.progate.teampro.TeamPro;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** What people do with and see of an execution: its attempts, closing a failure, the before/after view. */
@ApplicationScoped
public class ExecutionService {

    @Inject
    RequestService requests;

    @Inject
    TeamPro teamPro;

    @Inject
    BeforeAfterService beforeAfter;

    @Inject
    AuditLog audit;

    /** The request's execution as {@code user} may see it (404 for other teams). */
    @Transactional
    public ExecutionView view(long requestId, User user) {
        ReleaseRequest r = requests.require(requestId, user);
        boolean closed = r.status == RequestStatus.CLOSED;
        String closedBy = closed ? AuditEvent.<AuditEvent>find("action = 'request.close' and targetType = 'request'"
                + " and targetId = ?1 and outcome = ?2 order by id desc", r.id.toString(), Outcome.SUCCESS)
                .firstResultOptional().map(e -> e.actor).orElse(null) : null;
        boolean mayAct = requests.may(r, user, RequestAction.RETRY) || requests.may(r, user, RequestAction.CLOSE);
        return new ExecutionView(r.id, r.status.name(), closed, closedBy, r.outcome,
                mayAct, ExecutionAttempt.of(requestId).stream().map(ExecutionView.AttemptView::of).toList(),
                ExecutionAttempt.latestSnapshot(requestId).flatMap(a -> beforeAfter.fromJson(a.snapshot)).orElse(null));
    }

    /** An approver closes a FAILED request: the request's own state machine does it (see {@link RequestAction}). */
    public void close(long requestId, User user) {
        requests.close(requestId, user);
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
        if (r.type == RequestType.PUBLISH || r.type == RequestType.POLICY) {
            return new LiveView(null, null);
        }
        Optional<Credential> key = teamPro.keyFor(r.team.id, Scope.PUBLISH_APP);
        if (key.isEmpty()) {
            return new LiveView(null, FailureWords.noKey());
        }
        CurrentAccess accessBefore = beforeAfter.accessBefore(r.team.id, r.appName, r.appVersion, r.id);
        try {
            return teamPro.with(key.get(), r.team.proUrl, account -> new LiveView(beforeAfter.compute(
                    account, r.team.id, r.type, r.appName, r.appVersion, r.payload, accessBefore), null));
        } catch (ProException | ConflictException e) {
            return new LiveView(null, "PRO could not be asked: " + e.getMessage());
        }
    }

    /** The live view, or why there is none. */
    public record LiveView(BeforeAfter now, String problem) {
    }
}
