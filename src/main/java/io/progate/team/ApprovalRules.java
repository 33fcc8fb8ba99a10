package io.progate.team;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A team's ordered rules for routine changes. {@link #apply} gives the approvals a request needs:
 * the first matching rule's count, or the policy's own numbers when none matches.
 */
public record ApprovalRules(List<ApprovalRule> rules) {

    /** What {@link #apply} found: the approvals, and the rule in words ("rule 2: ..."), null for the policy's numbers. */
    public record Applied(int approvals, String rule) {

        /** The rule as the request page, the API and the audit event name it. */
        public String ruleOrDefault() {
            return rule == null ? POLICY_DEFAULT : rule;
        }
    }

    public static final String POLICY_DEFAULT = "policy default";
    public static final int MAX_RULES = 100;

    public ApprovalRules {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public static ApprovalRules none() {
        return new ApprovalRules(List.of());
    }

    /**
     * The approvals a request needs under {@code policy}. When a fact about the request is unknown
     * (PRO could not say whether a deleted version is the latest), {@code subjects} holds every
     * possibility and the strictest answer wins.
     */
    public Applied apply(TeamPolicy policy, List<ApprovalRule.RuleSubject> subjects) {
        Applied strictest = null;
        for (ApprovalRule.RuleSubject subject : subjects) {
            Applied applied = apply(policy, subject);
            if (strictest == null || applied.approvals() > strictest.approvals()) {
                strictest = applied;
            }
        }
        return strictest;
    }

    public Applied apply(TeamPolicy policy, ApprovalRule.RuleSubject subject) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).matches(subject)) {
                return new Applied(rules.get(i).approvals(), "rule " + (i + 1) + ": " + rules.get(i).label());
            }
        }
        return new Applied(defaultFor(policy, subject), null);
    }

    private static int defaultFor(TeamPolicy policy, ApprovalRule.RuleSubject subject) {
        return switch (subject.type()) {
            case "TASK" -> policy.taskApprovalsFor(subject.app(), subject.service());
            case "DELETE" -> policy.approvalsFor(true);
            default -> policy.approvalsFor(false);
        };
    }

    /**
     * Whether these rules let some request through with fewer approvals than {@code before} did,
     * under {@code policy}. Checked on one request of every kind the rules can tell apart: each
     * type and combination of changes, each app name a rule or the task allow-list names (an exact
     * name, a name just inside a prefix, and a name no rule names), each service likewise.
     */
    public boolean weakens(ApprovalRules before, TeamPolicy policy) {
        Set<String> apps = new LinkedHashSet<>();
        Set<String> services = new LinkedHashSet<>();
        apps.add("\uFFFF");
        services.add("\uFFFF");
        for (ApprovalRule rule : concat(before)) {
            if (rule.app() != null) {
                apps.add(AppPattern.stem(rule.app()));
                apps.add(AppPattern.stem(rule.app()) + "\uFFFF");
            }
            if (rule.service() != null) {
                services.add(rule.service());
            }
        }
        for (String pair : policy.allowList()) {
            int slash = pair.lastIndexOf('/');
            if (slash < 0) {
                continue;
            }
            apps.add(pair.substring(0, slash));
            services.add(pair.substring(slash + 1));
        }
        for (ApprovalRule.RuleSubject subject : subjects(apps, services)) {
            if (apply(policy, subject).approvals() < before.apply(policy, subject).approvals()) {
                return true;
            }
        }
        return false;
    }

    private List<ApprovalRule> concat(ApprovalRules other) {
        List<ApprovalRule> all = new ArrayList<>(rules);
        all.addAll(other.rules);
        return all;
    }

    private static List<ApprovalRule.RuleSubject> subjects(Set<String> apps, Set<String> services) {
        List<Set<String>> updates = List.of(Set.of(ApprovalRule.METADATA), Set.of(), Set.of(ApprovalRule.AUTHORIZATIONS),
                Set.of(ApprovalRule.LATEST), Set.of(ApprovalRule.AUTHORIZATIONS, ApprovalRule.LATEST));
        List<Set<String>> deletes = List.of(Set.of(), Set.of(ApprovalRule.LATEST_VERSION),
                Set.of(ApprovalRule.LAST_VERSION), Set.of(ApprovalRule.LATEST_VERSION, ApprovalRule.LAST_VERSION));
        List<ApprovalRule.RuleSubject> subjects = new ArrayList<>();
        for (String app : apps) {
            subjects.add(new ApprovalRule.RuleSubject("PUBLISH", app, Set.of(), null));
            updates.forEach(c -> subjects.add(new ApprovalRule.RuleSubject("UPDATE", app, c, null)));
            deletes.forEach(c -> subjects.add(new ApprovalRule.RuleSubject("DELETE", app, c, null)));
            services.forEach(s -> subjects.add(new ApprovalRule.RuleSubject("TASK", app, Set.of(), s)));
        }
        return subjects;
    }

    /** The rules in words, in order, for audit events and the side-by-side view. */
    public List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            labels.add((i + 1) + ". " + rules.get(i).label());
        }
        return labels;
    }
}
