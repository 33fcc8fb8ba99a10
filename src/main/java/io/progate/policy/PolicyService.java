package io.progate.policy;

import io.progate.team.TaskPair;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.progate.account.User;
import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.common.Validator;
import io.progate.request.Payloads;
import io.progate.request.PolicyApproved;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestService;
import io.progate.request.RequestStatus;
import io.progate.request.RequestType;
import io.progate.team.ApprovalRule;
import io.progate.team.ApprovalRules;
import io.progate.team.ChangeWindows;
import io.progate.team.PolicyChange;
import io.progate.team.PolicyRules;
import io.progate.team.PolicyInput;
import io.progate.team.PolicyTerms;
import io.progate.team.Team;
import io.progate.team.TeamPolicy;
import io.progate.team.TeamService;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Team approval policies: members read them; approvers of the team and admins change them. A change
 * that strengthens the policy applies at once; one that weakens it (fewer approvals, a longer time
 * limit, admins allowed to approve) becomes a POLICY request that another approver of the team or
 * an admin must approve. Admins change a policy directly, audited as such.
 */
@ApplicationScoped
public class PolicyService {

    @Inject
    TeamService teams;

    @Inject
    RequestService requests;

    @Inject
    AuditLog audit;

    @Inject
    Payloads payloads;

    /** What a change did: the policy now in force, and the POLICY request filed when it weakens. */
    public record Result(TeamPolicy policy, ReleaseRequest pending) {
    }

    public TeamPolicy get(String slug, User user) {
        return TeamPolicy.of(teams.require(slug, user));
    }

    public boolean canChange(Team team, User user) {
        return user.admin || teams.isApprover(team, user);
    }

    /** POLICY requests of the team still waiting for a decision, oldest first. */
    public List<ReleaseRequest> pending(Team team) {
        return ReleaseRequest.list("team = ?1 and type = ?2 and status = ?3 order by id", team, RequestType.POLICY,
                RequestStatus.PENDING);
    }

    @Transactional
    public Result change(String slug, User user, PolicyInput input) {
        Team team = teams.require(slug, user);
        if (!canChange(team, user)) {
            throw new ForbiddenException("only approvers of the team and admins change its policy");
        }
        new Validator()
                .check(input.requiredApprovals() == null || between(input.requiredApprovals(), 1, 10),
                        "requiredApprovals", "from 1 to 10")
                .check(input.deleteApprovals() == null || between(input.deleteApprovals(), 1, 10),
                        "deleteApprovals", "from 1 to 10")
                .check(input.maxWaitHours() == null || between(input.maxWaitHours(), 1, 8760),
                        "maxWaitHours", "from 1 hour to 8760 hours (a year)")
                .check(input.taskApprovals() == null || between(input.taskApprovals(), 0, 10),
                        "taskApprovals", "from 0 (tasks run on submission) to 10")
                .check(input.taskAllowList() == null || input.taskAllowList().size() <= 200, "taskAllowList",
                        "at most 200 app/service pairs")
                .check(input.taskAllowList() == null || TaskPair.parse(String.join("\n", input.taskAllowList()))
                        .stream().allMatch(TaskPair::valid), "taskAllowList",
                        "one app/service pair a line, such as Transport Planner/solve")
                .throwIfInvalid();
        validateSchedule(input);
        TeamPolicy policy = lockedPolicy(team);
        PolicyTerms before = PolicyTerms.of(policy);
        PolicyTerms after = before.with(input);
        if (after.equals(before)) {
            return new Result(policy, null);
        }
        if (!user.admin && after.weakens(before)) {
            ReleaseRequest pending = requests.filePolicy(team, user, new PolicyChange(before, after),
                    "weakens the team's approval policy");
            return new Result(policy, pending);
        }
        after.applyTo(policy);
        if (policy.id == null) {
            policy.persist();
        }
        Map<String, Object> details = new LinkedHashMap<>(after.changesFrom(before));
        details.put("mode", user.admin ? "admin-direct" : "strengthens");
        audit.record(AuditRecord.of("policy.update", "team", team.slug).team(team.id).details(details));
        return new Result(policy, null);
    }

    /**
     * Carries out an APPROVED POLICY request in the caller's transaction (which holds the request's
     * row lock): applies the asked terms if the team's policy is still the one the request was filed
     * against, and ends the request SUCCEEDED; otherwise FAILED with the reason. No PRO call.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void execute(ReleaseRequest r, Instant now) {
        requests.advanceLocked(r, RequestStatus.EXECUTING, null, now);
        PolicyChange change = payloads.policy(r.payload);
        TeamPolicy policy = lockedPolicy(r.team);
        PolicyTerms current = PolicyTerms.of(policy);
        if (change.changesRules()) {
            executeRules(r, change, current, now);
            return;
        }
        Map<String, Object> outcome = new LinkedHashMap<>();
        if (!current.equals(change.from())) {
            outcome.put("status", RequestStatus.FAILED.name());
            outcome.put("message", "the team's policy changed after this request was filed; file the change again");
            requests.advanceLocked(r, RequestStatus.FAILED, payloads.write(outcome), now);
            return;
        }
        change.to().applyTo(policy);
        if (policy.id == null) {
            policy.persist();
        }
        Map<String, Object> details = new LinkedHashMap<>(change.to().changesFrom(change.from()));
        details.put("mode", "request");
        details.put("request", r.id);
        audit.record(AuditRecord.of("policy.update", "team", r.team.slug).team(r.team.id).actor(AuditLog.SYSTEM)
                .details(details));
        outcome.put("status", RequestStatus.SUCCEEDED.name());
        outcome.put("message", "the team's policy was changed");
        requests.advanceLocked(r, RequestStatus.SUCCEEDED, payloads.write(outcome), now);
    }

    /**
     * The rules for routine changes become {@code rules}. Rules that let no request through with
     * fewer approvals than now (new rules that only raise counts, removing rules that lowered
     * them, ...) apply at once; rules that may lower a count for some request become a POLICY
     * request for another approver of the team or an admin, like weaker terms. Admins change them
     * directly, audited as such.
     */
    @Transactional
    public Result changeRules(String slug, User user, List<ApprovalRule> rules) {
        Team team = teams.require(slug, user);
        if (!canChange(team, user)) {
            throw new ForbiddenException("only approvers of the team and admins change its policy");
        }
        Validator v = new Validator().check(rules.size() <= ApprovalRules.MAX_RULES, "rules",
                "at most " + ApprovalRules.MAX_RULES + " rules");
        for (int i = 0; i < rules.size(); i++) {
            ApprovalRule rule = rules.get(i);
            v.check(rule != null, "rules[" + i + "]", "a rule is required");
            if (rule != null) {
                for (String problem : rule.problems()) {
                    v.check(false, "rules[" + i + "]." + problem.substring(0, problem.indexOf(':')),
                            problem.substring(problem.indexOf(':') + 2));
                }
            }
        }
        v.throwIfInvalid();
        TeamPolicy policy = lockedPolicy(team);
        PolicyRules row = PolicyRules.locked(team);
        ApprovalRules before = row.id == null ? ApprovalRules.none() : row.list();
        ApprovalRules after = new ApprovalRules(rules);
        if (after.equals(before)) {
            return new Result(policy, null);
        }
        if (!user.admin && after.weakens(before, policy)) {
            PolicyTerms terms = PolicyTerms.of(policy);
            ReleaseRequest pending = requests.filePolicy(team, user,
                    new PolicyChange(terms, terms, before.rules(), after.rules()),
                    "lowers the approvals some requests need (rules for routine changes)");
            return new Result(policy, pending);
        }
        row.put(after);
        Map<String, Object> details = rulesDetails(before, after);
        details.put("mode", user.admin ? "admin-direct" : "strengthens");
        audit.record(AuditRecord.of("policy.rules", "team", team.slug).team(team.id).details(details));
        return new Result(policy, null);
    }

    /** An approved POLICY request that changes the rules: applied if the rules and terms are still those it was filed against. */
    private void executeRules(ReleaseRequest r, PolicyChange change, PolicyTerms current, Instant now) {
        PolicyRules row = PolicyRules.locked(r.team);
        ApprovalRules rules = row.id == null ? ApprovalRules.none() : row.list();
        if (!rules.equals(new ApprovalRules(change.rulesFrom())) || !current.equals(change.from())) {
            finish(r, RequestStatus.FAILED, "the team's policy changed after this request was filed; file the change again",
                    now);
            return;
        }
        ApprovalRules after = new ApprovalRules(change.rulesTo());
        row.put(after);
        Map<String, Object> details = rulesDetails(rules, after);
        details.put("mode", "request");
        details.put("request", r.id);
        audit.record(AuditRecord.of("policy.rules", "team", r.team.slug).team(r.team.id).actor(AuditLog.SYSTEM)
                .details(details));
        finish(r, RequestStatus.SUCCEEDED, "the team's rules for routine changes were changed", now);
    }

    /** Ends a POLICY request with {@code status} and {@code message} as its outcome. */
    private void finish(ReleaseRequest r, RequestStatus status, String message, Instant now) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("status", status.name());
        outcome.put("message", message);
        requests.advanceLocked(r, status, payloads.write(outcome), now);
    }

    private static Map<String, Object> rulesDetails(ApprovalRules before, ApprovalRules after) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rulesFrom", before.labels());
        details.put("rulesTo", after.labels());
        return details;
    }

    /** The team's rules for routine changes, in order. */
    public ApprovalRules rules(Team team) {
        return PolicyRules.of(team);
    }

    /** Carries out a POLICY request the moment it is approved, in the approving transaction. */
    void onApproved(@Observes PolicyApproved approved) {
        execute(approved.request(), approved.at());
    }

    /** The team's policy row, locked; an unsaved one with the defaults when the team has none yet. */
    private static TeamPolicy lockedPolicy(Team team) {
        return TeamPolicy.<TeamPolicy>find("team", team).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseGet(() -> TeamPolicy.of(team));
    }

    /** Change windows: at most 20, each a line such as {@code Mon-Thu 09:00-16:00 Europe/Amsterdam}. */
    private static void validateSchedule(PolicyInput input) {
        List<String> windows = input.changeWindows();
        List<String> invalid = windows == null ? List.of() : ChangeWindows.invalidLines(String.join("\n", windows));
        new Validator()
                .check(windows == null || windows.size() <= 20, "changeWindows", "at most 20 change windows")
                .check(invalid.isEmpty(), "changeWindows", "one window a line, such as Mon-Thu 09:00-16:00"
                        + " Europe/Amsterdam (days, hours from-to with the start before the end, a time zone); not: "
                        + String.join(", ", invalid))
                .throwIfInvalid();
    }

    private static boolean between(int value, int min, int max) {
        return value >= min && value <= max;
    }
}
