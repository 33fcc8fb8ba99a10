package io.progate.policy;

import io.progate.team.ApprovalRule;
import io.progate.team.PolicyRules;
import io.progate.team.Team;
import io.quarkus.qute.TemplateExtension;
import java.util.ArrayList;
import java.util.List;

/** The rules for routine changes on the policy page, and the addresses of their forms. */
@TemplateExtension
public final class PolicyTemplates {

    private PolicyTemplates() {
    }

    /** One rule as the page lists it: its place (1 is evaluated first) and its words. */
    public record RuleRow(int position, String label, ApprovalRule rule, boolean last) {
    }

    /** The team's rules, in the order they are evaluated. */
    static List<RuleRow> approvalRules(Team team) {
        List<ApprovalRule> rules = PolicyRules.of(team).rules();
        List<RuleRow> rows = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            rows.add(new RuleRow(i + 1, rules.get(i).label(), rules.get(i), i == rules.size() - 1));
        }
        return rows;
    }

    static String rulesUrl(Team team) {
        return "/teams/" + team.slug + "/policy/rules";
    }

    /** A rule's remove, up or down form. */
    static String ruleUrl(Team team, int position, String action) {
        return rulesUrl(team) + "/" + position + "/" + action;
    }
}
