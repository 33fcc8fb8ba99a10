package io.progate.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.progate.account.User;
import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.common.ConflictException;
import io.progate.common.InvalidInputException;
import io.progate.common.Validator;
import io.progate.team.Team;
import io.progate.team.TeamService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Files, decides, cancels and expires release requests. Every change locks the request's row
 * ({@code SELECT ... FOR UPDATE}) and writes its audit event in the same transaction, so two
 * approvers acting at once are counted one after the other, never twice and never lost.
 */
@ApplicationScoped
public class RequestService {

    @Inject
    TeamService teams;

    @Inject
    RequestValidation validation;

    @Inject
    ProChecks proChecks;

    @Inject
    PackageStore store;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    @Inject
    Event<RequestApproved> approvedEvent;

    /** Validates everything, then stores package and request in one transaction; nothing half-made stays. */
    public ReleaseRequest submit(String slug, User author, Submission submission) {
        Team team = teams.require(slug, author);
        ProChecks.Checked checked = proChecks.check(team, validation.validate(submission));
        if (!checked.errors().isEmpty()) {
            throw new InvalidInputException(checked.errors());
        }
        Validated valid = checked.request();
        return QuarkusTransaction.requiringNew().call(() -> file(team.id, author, valid));
    }

    private ReleaseRequest file(long teamId, User author, Validated valid) {
        Team team = Team.findById(teamId);
        TeamPolicy policy = TeamPolicy.of(team);
        Instant now = Instant.now();
        ReleaseRequest r = new ReleaseRequest();
        r.team = team;
        r.author = User.findById(author.id);
        r.type = valid.type();
        r.status = RequestStatus.PENDING;
        r.reason = valid.reason();
        r.appName = valid.appName();
        r.appVersion = valid.appVersion();
        r.payload = toJson(valid.body());
        r.aimmsBuild = valid.aimmsBuild();
        if (valid.file() != null) {
            r.pkg = store.store(valid.file().path(), valid.file().fileName(), valid.inspection());
        }
        if (valid.icon() != null) {
            r.icon = store.store(valid.icon().path(), valid.icon().fileName(), Inspection.none());
        }
        r.requiredApprovals = policy.approvalsFor(r.type);
        r.adminsMayApprove = policy.adminsMayApprove;
        r.expiresAt = now.plus(policy.maxWait());
        r.updatedAt = now;
        r.createdAt = now;
        r.persist();
        Map<String, Object> details = describe(r);
        details.put("requiredApprovals", r.requiredApprovals);
        if (r.aimmsBuild != null) {
            details.put("aimmsBuild", r.aimmsBuild);
        }
        if (r.pkg != null) {
            details.put("size", r.pkg.sizeBytes);
            details.put("sha256", r.pkg.sha256);
        }
        audit.record(AuditRecord.of("request.submit", "request", r.id.toString()).team(team.id).details(details));
        return r;
    }

    /** The request, if {@code user} may see its team; 404 otherwise. */
    public ReleaseRequest require(long id, User user) {
        ReleaseRequest r = ReleaseRequest.<ReleaseRequest>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("no such request"));
        teams.require(r.team.slug, user);
        return r;
    }

    /** Whether {@code user} may be counted for the request at all (policy and role; author never). */
    public boolean mayDecide(ReleaseRequest r, User user) {
        if (Objects.equals(r.author.id, user.id)) {
            return false;
        }
        return teams.isApprover(r.team, user) || (user.admin && r.adminsMayApprove);
    }

    /** Whether the approve and reject buttons are for {@code user} now. */
    public boolean canDecideNow(ReleaseRequest r, User user) {
        return r.status == RequestStatus.PENDING && mayDecide(r, user) && Approval.by(r, user).isEmpty();
    }

    public boolean canCancel(ReleaseRequest r, User user) {
        return r.status == RequestStatus.PENDING && Objects.equals(r.author.id, user.id);
    }

    @Transactional
    public ReleaseRequest approve(long id, User user, String comment) {
        return decide(id, user, Decision.APPROVE, comment);
    }

    @Transactional
    public ReleaseRequest reject(long id, User user, String comment) {
        return decide(id, user, Decision.REJECT, comment);
    }

    private ReleaseRequest decide(long id, User user, Decision decision, String comment) {
        String text = comment == null || comment.isBlank() ? null : comment.trim();
        Validator v = new Validator().maxLength("comment", text, RequestValidation.MAX_REASON);
        if (decision == Decision.REJECT) {
            v.require("comment", text, "A comment explaining the rejection");
        }
        v.throwIfInvalid();
        ReleaseRequest r = lock(id, user);
        if (Objects.equals(r.author.id, user.id)) {
            throw new ForbiddenException("nobody decides their own request");
        }
        if (!mayDecide(r, user)) {
            throw new ForbiddenException(user.admin ? "this team's policy reserves approval to its approvers"
                    : "only approvers of the team decide its requests");
        }
        if (r.status != RequestStatus.PENDING) {
            throw new ConflictException("the request is " + r.status + " and no longer takes decisions");
        }
        Instant now = Instant.now();
        if (!r.expiresAt.isAfter(now)) {
            throw new ConflictException("the request has expired");
        }
        if (Approval.by(r, user).isPresent()) {
            throw new ConflictException("you have already decided this request; one person counts once");
        }
        Approval approval = new Approval();
        approval.request = r;
        approval.approver = User.findById(user.id);
        approval.decision = decision;
        approval.comment = text;
        approval.createdAt = now;
        approval.persist();
        Map<String, Object> details = describe(r);
        if (text != null) {
            details.put("comment", text);
        }
        if (decision == Decision.REJECT) {
            r.moveTo(RequestStatus.REJECTED, now);
            audit.record(AuditRecord.of("request.reject", "request", r.id.toString()).team(r.team.id).details(details));
            return r;
        }
        long approvals = Approval.approvalsOf(r);
        details.put("approvals", approvals);
        details.put("requiredApprovals", r.requiredApprovals);
        audit.record(AuditRecord.of("request.approve", "request", r.id.toString()).team(r.team.id).details(details));
        if (approvals >= r.requiredApprovals) {
            r.moveTo(RequestStatus.APPROVED, now);
            audit.record(AuditRecord.of("request.approved", "request", r.id.toString()).team(r.team.id)
                    .details(describe(r)));
            approvedEvent.fire(new RequestApproved(r.id, r.team.id));
        }
        return r;
    }

    @Transactional
    public ReleaseRequest cancel(long id, User user) {
        ReleaseRequest r = lock(id, user);
        if (!Objects.equals(r.author.id, user.id)) {
            throw new ForbiddenException("only the author cancels a request");
        }
        r.moveTo(RequestStatus.CANCELLED, Instant.now());
        audit.record(AuditRecord.of("request.cancel", "request", r.id.toString()).team(r.team.id).details(describe(r)));
        return r;
    }

    /** FAILED back to APPROVED, by someone who may decide it: the execution worker tries again. */
    @Transactional
    public ReleaseRequest retry(long id, User user) {
        ReleaseRequest r = lock(id, user);
        if (!mayDecide(r, user)) {
            throw new ForbiddenException("only approvers of the team, other than the author, retry a request");
        }
        r.moveTo(RequestStatus.APPROVED, Instant.now());
        audit.record(AuditRecord.of("request.retry", "request", r.id.toString()).team(r.team.id).details(describe(r)));
        approvedEvent.fire(new RequestApproved(r.id, r.team.id));
        return r;
    }

    /**
     * For the execution feature: moves a request along the state machine (APPROVED to EXECUTING,
     * EXECUTING to SUCCEEDED or FAILED) with its outcome as JSON, audited as the system.
     */
    @Transactional
    public ReleaseRequest advance(long id, RequestStatus target, String outcomeJson) {
        ReleaseRequest r = ReleaseRequest.<ReleaseRequest>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException("no such request"));
        r.moveTo(target, Instant.now());
        if (outcomeJson != null) {
            r.outcome = outcomeJson;
        }
        audit.record(AuditRecord.of("request." + target.name().toLowerCase(java.util.Locale.ROOT), "request",
                r.id.toString()).team(r.team.id).actor(AuditLog.SYSTEM).details(describe(r)));
        return r;
    }

    /** Expires every PENDING request whose time ran out at {@code now}, each in its own transaction. */
    public int expireDue(Instant now) {
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> ReleaseRequest.pendingExpiredAt(now).stream()
                .map(r -> r.id).toList());
        int expired = 0;
        for (Long id : due) {
            expired += QuarkusTransaction.requiringNew().call(() -> expireOne(id, now)) ? 1 : 0;
        }
        return expired;
    }

    private boolean expireOne(long id, Instant now) {
        ReleaseRequest r = ReleaseRequest.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || r.status != RequestStatus.PENDING || r.expiresAt.isAfter(now)) {
            return false;
        }
        r.moveTo(RequestStatus.EXPIRED, now);
        Map<String, Object> details = describe(r);
        details.put("expiresAt", r.expiresAt.toString());
        audit.record(AuditRecord.of("request.expire", "request", r.id.toString()).team(r.team.id)
                .actor(AuditLog.SYSTEM).details(details));
        return true;
    }

    /** Deletes the package content of requests finished before {@code cutoff}; name, size and hash stay. */
    public int purgeFinishedBefore(Instant cutoff) {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> ReleaseRequest.withPackagesFinishedBefore(cutoff)
                .stream().map(r -> r.id).toList());
        for (Long id : ids) {
            QuarkusTransaction.requiringNew().run(() -> {
                ReleaseRequest r = ReleaseRequest.findById(id, LockModeType.PESSIMISTIC_WRITE);
                Instant now = Instant.now();
                Map<String, Object> details = describe(r);
                for (RequestPackage pkg : new RequestPackage[] {r.pkg, r.icon}) {
                    if (pkg != null && !pkg.isPurged()) {
                        store.purge(pkg, now);
                        details.put(pkg == r.icon ? "icon" : "package", pkg.fileName);
                    }
                }
                audit.record(AuditRecord.of("request.purge", "request", r.id.toString()).team(r.team.id)
                        .actor(AuditLog.SYSTEM).details(details));
            });
        }
        return ids.size();
    }

    private ReleaseRequest lock(long id, User user) {
        ReleaseRequest r = ReleaseRequest.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw new NotFoundException("no such request");
        }
        teams.require(r.team.slug, user);
        return r;
    }

    static Map<String, Object> describe(ReleaseRequest r) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", r.type.name());
        details.put("appName", r.appName);
        details.put("appVersion", r.appVersion);
        details.put("status", r.status.name());
        return details;
    }

    private String toJson(Object body) {
        if (body == null) {
            return "{}";
        }
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request body cannot be written as JSON", e);
        }
    }
}
