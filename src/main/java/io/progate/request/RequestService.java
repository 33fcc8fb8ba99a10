package io.progate.request;

import io.progate.team.TaskPair;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.progate.account.User;
import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.common.ConflictException;
import io.progate.common.InvalidInputException;
import io.progate.common.Validator;
import io.progate.diff.ModelDiff;
import io.progate.diff.ModelDiffs;
import io.progate.packages.Inspection;
import io.progate.packages.PackageStore;
import io.progate.packages.RequestPackage;
import io.progate.packages.Upload;
import io.progate.ownership.OwnershipService;
import io.progate.pro.model.PublishMetadata;
import io.progate.schedule.Gate;
import io.progate.schedule.Hold;
import io.progate.schedule.Times;
import io.progate.team.ApprovalRules;
import io.progate.team.PolicyChange;
import io.progate.team.PolicyRules;
import io.progate.team.Team;
import io.progate.team.TeamPolicy;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.ArrayList;
import java.util.function.Function;

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
    Payloads payloads;

    @Inject
    Event<RequestApproved> approvedEvent;

    @Inject
    PendingPackages pendingPackages;

    @Inject
    Event<PolicyApproved> policyApprovedEvent;

    @Inject
    Gate gate;

    /** The time change windows, freezes and start times are measured against. */
    @Inject
    java.time.Clock clock;

    @Inject
    ModelDiffs diffs;

    @Inject
    OwnershipService ownership;

    /**
     * Actions on one request queue here, one thread per replica at a time, holding no database
     * connection while they wait: a burst of calls on one request (200 approvals at once) then waits
     * in memory instead of filling the connection pool with transactions blocked on the row lock.
     * The row lock still orders the replicas.
     */
    private final ReentrantLock[] stripes = new ReentrantLock[64];

    {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock(true);
        }
    }

    /** The app name a POLICY request carries (it concerns the team, not an app). */
    public static final String POLICY_TARGET = "(team policy)";

    /** Validates everything, then stores package and request in one transaction; nothing half-made stays. */
    public ReleaseRequest submit(String slug, User author, Submission submission) {
        Team team = teams.require(slug, author);
        Instant notBefore = notBefore(submission.notBefore());
        ProChecks.Checked checked = proChecks.check(team, validation.validate(submission));
        if (!checked.errors().isEmpty()) {
            throw new InvalidInputException(checked.errors());
        }
        Validated valid = checked.request();
        ModelDiff diff = diffOf(team, valid, submission.diffBase());
        Optional<Set<String>> deleteFacts = valid.type() == RequestType.DELETE
                ? proChecks.deleteFacts(team, valid.appName(), valid.appVersion()) : Optional.empty();
        return QuarkusTransaction.requiringNew().call(() -> file(team.id, author, valid, notBefore, diff, deleteFacts));
    }

    /** The author's earliest start: null when not asked; otherwise a time in the future, within a year. */
    private Instant notBefore(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant now = clock.instant();
        Instant t = Times.parse(text).orElse(null);
        new Validator().check(t != null, "notBefore", "a time such as 2026-12-24T18:00:00Z (without an offset: UTC)")
                .throwIfInvalid();
        new Validator().check(t.isAfter(now), "notBefore", "in the future")
                .check(!t.isAfter(now.plus(java.time.Duration.ofDays(366))), "notBefore", "within a year")
                .throwIfInvalid();
        return t;
    }

    /**
     * The model diff of a publish of a zip package, computed before the filing's transaction: against the
     * publish the author chose ({@code diffBase}, a publish request of the same team with a package), else the
     * publish of the old version it names, else the last publish of the app ProGate carried out. Null for
     * anything else.
     */
    private ModelDiff diffOf(Team team, Validated valid, Long diffBase) {
        if (valid.type() != RequestType.PUBLISH || valid.file() == null || valid.inspection() == null
                || !valid.inspection().zip()) {
            if (diffBase != null) {
                throw new InvalidInputException("diffBase", "only a publish of a zip package is compared with an"
                        + " earlier package");
            }
            return null;
        }
        ModelDiffs.Base base = QuarkusTransaction.requiringNew().call(() -> baseOf(team.id, valid, diffBase));
        return diffs.compute(valid.file().path(), valid.inspection().manifest(),
                base);
    }

    private ModelDiffs.Base baseOf(long teamId, Validated valid, Long diffBase) {
        Team team = Team.findById(teamId);
        ReleaseRequest base;
        if (diffBase != null) {
            base = ReleaseRequest.<ReleaseRequest>findByIdOptional(diffBase)
                    .filter(r -> r.team.id.equals(teamId) && r.type == RequestType.PUBLISH && r.pkg != null)
                    .orElseThrow(() -> new InvalidInputException("diffBase",
                            "not a publish request of this team with a package"));
        } else {
            PublishMetadata m = (PublishMetadata) valid.body();
            base = m.oldProjectName() != null && m.oldProjectVersion() != null
                    ? ReleaseRequest.lastPublished(team, m.oldProjectName(), m.oldProjectVersion(), null).orElse(null)
                    : null;
            if (base == null) {
                base = ReleaseRequest.lastPublished(team, valid.appName(), null, valid.appVersion()).orElse(null);
            }
        }
        if (base == null) {
            return null;
        }
        org.hibernate.Hibernate.initialize(base.pkg);
        return new ModelDiffs.Base(base.id, base.appVersion, base.pkg);
    }

    private ReleaseRequest file(long teamId, User author, Validated valid, Instant notBefore, ModelDiff diff,
            Optional<Set<String>> deleteFacts) {
        Team team = Team.findById(teamId);
        admit(team, valid);
        TeamPolicy policy = TeamPolicy.of(team);
        ApprovalRules.Applied applied = PolicyRules.of(team).apply(policy, RuleSubjects.of(valid, deleteFacts));
        Instant now = Instant.now();
        ReleaseRequest r = new ReleaseRequest();
        r.team = team;
        r.author = User.findById(author.id);
        r.type = valid.type();
        r.status = RequestStatus.PENDING;
        r.reason = valid.reason();
        r.appName = valid.appName();
        r.appVersion = valid.appVersion();
        r.payload = payloads.write(valid.body());
        pendingPackages.reserve(team, Upload.sizeOf(valid.file()) + Upload.sizeOf(valid.icon()));
        r.aimmsBuild = valid.aimmsBuild();
        if (valid.file() != null) {
            r.pkg = store.store(valid.file().path(), valid.file().fileName(), valid.inspection());
        }
        if (valid.icon() != null) {
            r.icon = store.store(valid.icon().path(), valid.icon().fileName(), Inspection.none());
        }
        String service = valid.body() instanceof TaskFields ? ((TaskFields) valid.body()).serviceName() : null;
        r.requiredApprovals = applied.approvals();
        r.approvalRule = applied.rule();
        r.adminsMayApprove = policy.adminsMayApprove;
        r.expiresAt = now.plus(policy.maxWait());
        r.notBefore = notBefore;
        r.updatedAt = now;
        r.createdAt = now;
        r.persist();
        Map<String, Object> details = describe(r);
        details.put("requiredApprovals", r.requiredApprovals);
        details.put("rule", applied.ruleOrDefault());
        if (notBefore != null) {
            details.put("notBefore", notBefore.toString());
        }
        if (service != null) {
            details.put("serviceName", service);
        }
        if (r.aimmsBuild != null) {
            details.put("aimmsBuild", r.aimmsBuild);
        }
        if (r.pkg != null) {
            details.put("size", r.pkg.sizeBytes);
            details.put("sha256", r.pkg.sha256);
        }
        if (diff != null) {
            diffs.store(r.id, diff, now);
            details.put("diff", diff.kind().name());
            if (diff.baseRequestId() != null) {
                details.put("diffBase", diff.baseRequestId());
            }
        }
        audit.record(AuditRecord.of("request.submit", "request", r.id.toString()).team(team.id).details(details));
        if (r.requiredApprovals == 0) {
            autoApprove(r, policy, service, now);
        }
        return r;
    }

    /**
     * Refuses, before anything is stored, a request for an app another team owns; a publish of a
     * name nobody owns claims it for the team in this transaction (see {@link OwnershipService}).
     */
    private void admit(Team team, Validated valid) {
        if (valid.body() instanceof PublishMetadata) {
            PublishMetadata m = (PublishMetadata) valid.body();
            if (m.oldProjectName() != null && !m.oldProjectName().equalsIgnoreCase(m.name())) {
                ownership.admit(team, "metadata.oldProjectName", m.oldProjectName(), false);
            }
            ownership.admit(team, "metadata.name", valid.appName(), true);
        } else {
            ownership.admit(team, "appName", valid.appName(), false);
        }
    }

    /**
     * A task the policy lets run without approval (its approval count is 0, or its app/service pair
     * is on the allow-list): APPROVED at once, audited as auto-approved with the rule that allowed it.
     */
    private void autoApprove(ReleaseRequest r, TeamPolicy policy, String service, Instant now) {
        r.moveTo(RequestStatus.APPROVED, now);
        Map<String, Object> details = describe(r);
        details.put("autoApproved", true);
        details.put("rule", r.approvalRule != null ? r.approvalRule : policy.taskApprovals == 0 ? "taskApprovals is 0"
                : "allow-list: " + TaskPair.of(r.appName, service));
        audit.record(AuditRecord.of("request.approved", "request", r.id.toString()).team(r.team.id)
                .actor(AuditLog.SYSTEM).details(details));
        approved(r, now);
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

    /** Whether {@code user} may take {@code action} on the request now: the same check as {@link #act}. */
    public boolean may(ReleaseRequest r, User user, RequestAction action) {
        return refusalOf(r, user, action, Instant.now()) == null;
    }

    /** Whether the approve and reject buttons are for {@code user} now. */
    public boolean canDecideNow(ReleaseRequest r, User user) {
        return may(r, user, RequestAction.APPROVE);
    }

    public boolean canCancel(ReleaseRequest r, User user) {
        return may(r, user, RequestAction.CANCEL);
    }

    public ReleaseRequest approve(long id, User user, String comment) {
        return act(id, user, RequestAction.APPROVE, comment);
    }

    public ReleaseRequest reject(long id, User user, String comment) {
        return act(id, user, RequestAction.REJECT, comment);
    }

    public ReleaseRequest cancel(long id, User user) {
        return act(id, user, RequestAction.CANCEL, null);
    }

    /** FAILED back to APPROVED, by someone who may decide it: the execution worker tries again. */
    public ReleaseRequest retry(long id, User user) {
        return act(id, user, RequestAction.RETRY, null);
    }

    /** FAILED to CLOSED, by someone who may decide it: nothing more will be tried. */
    public ReleaseRequest close(long id, User user) {
        return act(id, user, RequestAction.CLOSE, null);
    }

    /**
     * PENDING or SCHEDULED to APPROVED without the remaining approvals and whatever the change windows
     * and freezes say, by an approver of the team or an admin (never the author), with a reason, where
     * the team's policy allows it; marked break-glass until someone else reviews it.
     */
    public ReleaseRequest breakGlass(long id, User user, String reason) {
        return act(id, user, RequestAction.BREAK_GLASS, reason);
    }

    /** Marks a break-glass request reviewed, with a comment, by an approver or admin other than its author and breaker. */
    public ReleaseRequest review(long id, User user, String comment) {
        return act(id, user, RequestAction.REVIEW, comment);
    }

    /**
     * The one door for every person's action on a request, API and page forms alike. Locks the row,
     * checks {@link RequestAction}'s table (404 not your team, 403 wrong role, 409 wrong state), and
     * either makes the change with its audit event in one transaction, or changes nothing and
     * writes the refusal's audit event in a transaction of its own before answering with it.
     */
    public ReleaseRequest act(long id, User user, RequestAction action, String comment) {
        return act(id, user, action, comment, r -> r);
    }

    /**
     * Same, with the caller's answer (a view of the request, say) read in the same transaction: once the
     * action commits, answering it needs no further database connection, so a busy pool cannot turn a
     * done action into a 503.
     */
    public <T> T act(long id, User user, RequestAction action, String comment, Function<ReleaseRequest, T> answer) {
        String text = comment == null || comment.isBlank() ? null : comment.trim();
        ReentrantLock stripe = stripes[Math.floorMod(Long.hashCode(id), stripes.length)];
        stripe.lock();
        try {
            List<T> answered = new ArrayList<>(1);
            Done done = QuarkusTransaction.requiringNew().call(() -> {
                Done d = actLocked(id, user, action, text);
                if (d.refusal() == null) {
                    answered.add(answer.apply(d.request()));
                }
                return d;
            });
            if (done.refusal() == null) {
                return answered.get(0);
            }
            Refusal refusal = done.refusal();
            QuarkusTransaction.requiringNew().run(() -> audit.record(AuditRecord.of(action.auditAction(), "request",
                    Long.toString(id)).team(refusal.teamId()).actor(user.username).details(refusal.details())
                    .failure()));
            throw refusal.exception();
        } finally {
            stripe.unlock();
        }
    }

    /** A refused action: the answer's status, why, and what the audit event says. */
    record Refusal(int status, String reason, Long teamId, Map<String, Object> details) {

        RuntimeException exception() {
            switch (status) {
                case 404:
                    return new NotFoundException("no such request");
                case 403:
                    return new ForbiddenException(reason);
                default:
                    return new ConflictException(reason);
            }
        }
    }

    private record Done(ReleaseRequest request, Refusal refusal) {
    }

    private Done actLocked(long id, User user, RequestAction action, String text) {
        ReleaseRequest r = ReleaseRequest.findById(id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        Refusal refusal = r == null ? new Refusal(404, "no such request", null, Map.of("refused", 404))
                : refusalOf(r, user, action, now);
        if (refusal != null) {
            return new Done(null, refusal);
        }
        Validator v = new Validator().maxLength("comment", text, RequestValidation.MAX_REASON);
        if (action == RequestAction.REJECT) {
            v.require("comment", text, "A comment explaining the rejection");
        }
        if (action == RequestAction.BREAK_GLASS) {
            v.require("comment", text, "A reason for breaking the glass").maxLength("comment", text, MAX_GLASS_REASON);
        }
        if (action == RequestAction.REVIEW) {
            v.require("comment", text, "A review comment");
        }
        v.throwIfInvalid();
        switch (action) {
            case APPROVE:
            case REJECT:
                decide(r, user, action == RequestAction.APPROVE ? Decision.APPROVE : Decision.REJECT, text, now);
                break;
            case CANCEL:
                r.moveTo(RequestStatus.CANCELLED, now);
                Map<String, Object> details = describe(r);
                if (!Objects.equals(r.author.id, user.id)) {
                    details.put("asAdmin", true);
                }
                audit.record(AuditRecord.of("request.cancel", "request", r.id.toString()).team(r.team.id)
                        .details(details));
                break;
            case BREAK_GLASS:
                breakGlassLocked(r, user, text, now);
                break;
            case REVIEW:
                r.reviewedBy = user.username;
                r.reviewedAt = now;
                r.reviewComment = text;
                Map<String, Object> review = describe(r);
                review.put("breakGlassBy", r.breakGlassBy);
                review.put("comment", text);
                audit.record(AuditRecord.of("request.break-glass-review", "request", r.id.toString()).team(r.team.id)
                        .details(review));
                break;
            case RETRY:
                r.moveTo(RequestStatus.APPROVED, now);
                audit.record(AuditRecord.of("request.retry", "request", r.id.toString()).team(r.team.id)
                        .details(describe(r)));
                approved(r, now);
                break;
            default:
                r.moveTo(RequestStatus.CLOSED, now);
                audit.record(AuditRecord.of("request.close", "request", r.id.toString()).team(r.team.id)
                        .details(describe(r)));
        }
        return new Done(r, null);
    }

    /**
     * Why {@code user} may not take {@code action} on {@code r} at {@code now}, in this order: not
     * their team (404), not their role (403), not the request's state (409); null when they may.
     */
    Refusal refusalOf(ReleaseRequest r, User user, RequestAction action, Instant now) {
        Long teamId = r.team.id;
        if (!user.admin && !teams.isMember(r.team, user)) {
            return new Refusal(404, "no such request", teamId, Map.of("refused", 404));
        }
        boolean author = Objects.equals(r.author.id, user.id);
        String wrongRole = null;
        if (action.who() == RequestAction.Who.AUTHOR_OR_ADMIN) {
            if (!author && !user.admin) {
                wrongRole = "only the author (or an admin) cancels a request";
            }
        } else if (action.who() == RequestAction.Who.BREAKER || action.who() == RequestAction.Who.REVIEWER) {
            wrongRole = glassRoleRefusal(r, user, action, author);
        } else if (author) {
            wrongRole = "nobody decides, retries or closes their own request";
        } else if (!mayDecide(r, user)) {
            wrongRole = user.admin ? "this team's policy reserves decisions to its approvers"
                    : "only approvers of the team decide, retry or close its requests";
        }
        String wrongState = null;
        if (wrongRole == null) {
            if (!action.allowedFrom().contains(r.status)) {
                wrongState = "the request is " + r.status + "; " + action.verb() + " is only possible from "
                        + action.fromText();
            } else if (glassStateRefusal(r, action) != null) {
                wrongState = glassStateRefusal(r, action);
            } else if (action.isDecision() && !r.expiresAt.isAfter(now)) {
                wrongState = "the request has expired";
            } else if (action.isDecision() && Approval.by(r, user).isPresent()) {
                wrongState = "you have already decided this request; one person counts once";
            }
        }
        if (wrongRole == null && wrongState == null) {
            return null;
        }
        Map<String, Object> details = describe(r);
        details.put("refused", wrongRole != null ? 403 : 409);
        details.put("reason", wrongRole != null ? wrongRole : wrongState);
        return new Refusal(wrongRole != null ? 403 : 409, wrongRole != null ? wrongRole : wrongState, teamId, details);
    }

    /** Longest reason for breaking the glass. */
    public static final int MAX_GLASS_REASON = 500;

    /** Who may not break the glass on, or review, the request (null: they may): four eyes, always. */
    private String glassRoleRefusal(ReleaseRequest r, User user, RequestAction action, boolean author) {
        if (author) {
            return action == RequestAction.BREAK_GLASS ? "nobody breaks the glass on their own request, admins included"
                    : "nobody reviews a break-glass of their own request";
        }
        if (!user.admin && !teams.isApprover(r.team, user)) {
            return "only approvers of the team and admins " + (action == RequestAction.BREAK_GLASS
                    ? "break the glass" : "review a break-glass");
        }
        if (action == RequestAction.REVIEW && user.username.equals(r.breakGlassBy)) {
            return "the one who broke the glass does not review it; someone else does";
        }
        if (action == RequestAction.BREAK_GLASS && !TeamPolicy.of(r.team).breakGlassAllowed) {
            return "this team's policy forbids break-glass";
        }
        return null;
    }

    /** Why the request's state refuses a break-glass or a review (null: it does not). */
    private static String glassStateRefusal(ReleaseRequest r, RequestAction action) {
        if (action == RequestAction.BREAK_GLASS && r.type == RequestType.POLICY) {
            return "break-glass is for PRO changes; a policy change needs a second person";
        }
        if (action == RequestAction.REVIEW && !r.isBreakGlass()) {
            return "the request was not executed with break-glass; there is nothing to review";
        }
        if (action == RequestAction.REVIEW && r.reviewedAt != null) {
            return "the break-glass was already reviewed by " + r.reviewedBy;
        }
        return null;
    }

    /** Breaks the glass on a locked PENDING or SCHEDULED request: APPROVED at once, and the worker woken. */
    private void breakGlassLocked(ReleaseRequest r, User user, String reason, Instant now) {
        RequestStatus was = r.status;
        String heldBecause = r.scheduledWhy;
        r.breakGlassBy = user.username;
        r.breakGlassAt = now;
        r.breakGlassReason = reason;
        r.moveTo(RequestStatus.APPROVED, now);
        Map<String, Object> details = describe(r);
        details.put("breakGlass", true);
        details.put("reason", reason);
        details.put("was", was.name());
        details.put("approvals", Approval.approvalsOf(r));
        details.put("requiredApprovals", r.requiredApprovals);
        if (heldBecause != null) {
            details.put("heldBecause", heldBecause);
        }
        audit.record(AuditRecord.of("request.break-glass", "request", r.id.toString()).team(r.team.id)
                .details(details));
        approvedEvent.fire(new RequestApproved(r.id, r.team.id));
    }

    private void decide(ReleaseRequest r, User user, Decision decision, String text, Instant now) {
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
            return;
        }
        long approvals = Approval.approvalsOf(r);
        details.put("approvals", approvals);
        details.put("requiredApprovals", r.requiredApprovals);
        audit.record(AuditRecord.of("request.approve", "request", r.id.toString()).team(r.team.id).details(details));
        if (approvals >= r.requiredApprovals) {
            r.moveTo(RequestStatus.APPROVED, now);
            audit.record(AuditRecord.of("request.approved", "request", r.id.toString()).team(r.team.id)
                    .details(describe(r)));
            approved(r, now);
        }
    }

    /**
     * The request has just become APPROVED: a PRO change wakes the execution worker after commit; a
     * POLICY change is carried out at once, in this transaction, since it needs no PRO call (by the
     * synchronous observer of {@link PolicyApproved}, in the {@code policy} package).
     */
    private void approved(ReleaseRequest r, Instant now) {
        if (r.type == RequestType.POLICY) {
            policyApprovedEvent.fire(new PolicyApproved(r, now));
        } else if (!holdLocked(r, now)) {
            approvedEvent.fire(new RequestApproved(r.id, r.team.id));
        }
    }

    /**
     * An APPROVED request that may not start yet (its start time, a freeze, the change windows; see
     * {@link Gate}) becomes SCHEDULED in the caller's transaction, which holds its row lock; a
     * break-glass request is never held. True when it was held. The execution queue asks this too
     * before each claim, so a freeze declared after the approval still holds the request.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean holdLocked(ReleaseRequest r, Instant now) {
        if (r.status != RequestStatus.APPROVED || r.type == RequestType.POLICY || r.isBreakGlass()) {
            return false;
        }
        Optional<Hold> hold = gate.holdFor(r.team, r.notBefore, clock.instant());
        if (hold.isEmpty()) {
            return false;
        }
        r.moveTo(RequestStatus.SCHEDULED, now);
        schedule(r, hold.get());
        return true;
    }

    private void schedule(ReleaseRequest r, Hold hold) {
        r.scheduledUntil = hold.until();
        r.scheduledWhy = hold.why();
        r.heldByFreeze = hold.freezeId();
        Map<String, Object> details = describe(r);
        details.put("until", hold.until().toString());
        details.put("why", hold.why());
        audit.record(AuditRecord.of("request.scheduled", "request", r.id.toString()).team(r.team.id)
                .actor(AuditLog.SYSTEM).details(details));
    }

    /**
     * Looks again at every SCHEDULED request whose time came at the clock's now (or whose freeze was
     * lifted), each locked in a transaction of its own: APPROVED, audited as released, and the worker
     * woken when nothing holds it any more; otherwise scheduled anew. Safe on every replica at once.
     */
    public int releaseDue() {
        Instant now = clock.instant();
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> ReleaseRequest.scheduledDueAt(now).stream()
                .map(r -> r.id).toList());
        int released = 0;
        for (Long id : due) {
            released += QuarkusTransaction.requiringNew().call(() -> releaseOne(id)) ? 1 : 0;
        }
        return released;
    }

    private boolean releaseOne(long id) {
        ReleaseRequest r = ReleaseRequest.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || r.status != RequestStatus.SCHEDULED) {
            return false;
        }
        Instant now = Instant.now();
        Optional<Hold> hold = gate.holdFor(r.team, r.notBefore, clock.instant());
        if (hold.isPresent()) {
            if (!hold.get().until().equals(r.scheduledUntil) || !Objects.equals(hold.get().freezeId(), r.heldByFreeze)) {
                schedule(r, hold.get());
            }
            return false;
        }
        Map<String, Object> details = describe(r);
        details.put("heldBecause", r.scheduledWhy);
        r.moveTo(RequestStatus.APPROVED, now);
        details.put("status", r.status.name());
        audit.record(AuditRecord.of("request.released", "request", r.id.toString()).team(r.team.id)
                .actor(AuditLog.SYSTEM).details(details));
        approvedEvent.fire(new RequestApproved(r.id, r.team.id));
        return true;
    }

    /**
     * Files a POLICY request in the caller's transaction: one approval by another approver of the
     * team or by any admin applies it; it waits as long as the policy in force lets requests wait.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReleaseRequest filePolicy(Team team, User author, PolicyChange change, String reason) {
        Instant now = Instant.now();
        ReleaseRequest r = new ReleaseRequest();
        r.team = team;
        r.author = User.findById(author.id);
        r.type = RequestType.POLICY;
        r.status = RequestStatus.PENDING;
        r.reason = reason;
        r.appName = POLICY_TARGET;
        r.appVersion = "";
        r.payload = payloads.write(change);
        r.requiredApprovals = 1;
        r.adminsMayApprove = true;
        r.expiresAt = now.plus(java.time.Duration.ofHours(change.from().maxWaitHours()));
        r.updatedAt = now;
        r.createdAt = now;
        r.persist();
        Map<String, Object> details = describe(r);
        details.put("changes", change.to().changesFrom(change.from()));
        if (change.changesRules()) {
            details.put("rulesFrom", change.rulesBefore());
            details.put("rulesTo", change.rulesAfter());
        }
        audit.record(AuditRecord.of("request.submit", "request", r.id.toString()).team(team.id).details(details));
        return r;
    }

    /** A locked request moves along the state machine in the caller's transaction, audited as the system. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void advanceLocked(ReleaseRequest r, RequestStatus target, String outcomeJson, Instant now) {
        r.moveTo(target, now);
        if (outcomeJson != null) {
            r.outcome = outcomeJson;
        }
        audit.record(AuditRecord.of("request." + target.name().toLowerCase(java.util.Locale.ROOT), "request",
                r.id.toString()).team(r.team.id).actor(AuditLog.SYSTEM).details(describe(r)));
    }

    /**
     * For the execution feature: moves a request along the state machine (APPROVED to EXECUTING,
     * EXECUTING to SUCCEEDED or FAILED) with its outcome as JSON, audited as the system.
     */
    @Transactional
    public ReleaseRequest advance(long id, RequestStatus target, String outcomeJson) {
        ReleaseRequest r = ReleaseRequest.<ReleaseRequest>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException("no such request"));
        advanceLocked(r, target, outcomeJson, Instant.now());
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
        pendingPackages.purgeExpired(r, now, details);
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

    static Map<String, Object> describe(ReleaseRequest r) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", r.type.name());
        details.put("appName", r.appName);
        details.put("appVersion", r.appVersion);
        details.put("status", r.status.name());
        return details;
    }
}
