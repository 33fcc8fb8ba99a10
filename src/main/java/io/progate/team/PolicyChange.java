package io.progate.team;

import java.util.List;

/**
 * What a POLICY request asks: the team's policy as it was when filed, and as it should become. A
 * change of the rules for routine changes also carries the rules when filed and as asked
 * ({@code rulesFrom}, {@code rulesTo}; both null for a change of the policy's numbers only).
 */
public record PolicyChange(PolicyTerms from, PolicyTerms to, List<ApprovalRule> rulesFrom, List<ApprovalRule> rulesTo) {

    public PolicyChange(PolicyTerms from, PolicyTerms to) {
        this(from, to, null, null);
    }

    /** Every setting side by side: now (when filed) and asked. */
    public List<PolicyTerms.Row> rows() {
        return from.rows(to);
    }

    /** Whether the change is one of the rules for routine changes. */
    public boolean changesRules() {
        return rulesTo != null;
    }

    /** The rules when filed, in words and in order. */
    public List<String> rulesBefore() {
        return new ApprovalRules(rulesFrom).labels();
    }

    /** The rules as asked, in words and in order. */
    public List<String> rulesAfter() {
        return new ApprovalRules(rulesTo).labels();
    }
}
