package io.progate.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rules for routine changes: first match wins, what each rule matches, and what counts as weakening. */
class ApprovalRulesTest {

    private static TeamPolicy policy(int required, int delete, int task, String allowList) {
        TeamPolicy p = new TeamPolicy();
        p.requiredApprovals = required;
        p.deleteApprovals = delete;
        p.taskApprovals = task;
        p.taskAllowList = allowList;
        return p;
    }

    private static ApprovalRule.RuleSubject update(String app, String... changes) {
        return new ApprovalRule.RuleSubject("UPDATE", app, Set.of(changes), null);
    }

    private static ApprovalRule.RuleSubject delete(String app, String... facts) {
        return new ApprovalRule.RuleSubject("DELETE", app, Set.of(facts), null);
    }

    private static ApprovalRule.RuleSubject task(String app, String service) {
        return new ApprovalRule.RuleSubject("TASK", app, Set.of(), service);
    }

    private static final ApprovalRules ISSUE_EXAMPLE = new ApprovalRules(List.of(
            new ApprovalRule("UPDATE", "METADATA", null, null, 1),
            new ApprovalRule("UPDATE", "AUTHORIZATIONS", null, null, 2),
            new ApprovalRule("DELETE", "LATEST_VERSION", null, null, 2),
            new ApprovalRule("TASK", null, "Planner", "run-nightly", 0)));

    @Test
    void theIssuesExampleGivesEachRequestItsCount() {
        TeamPolicy p = policy(3, 3, 1, "");
        assertEquals(new ApprovalRules.Applied(1, "rule 1: metadata-only updates: 1 approval"),
                ISSUE_EXAMPLE.apply(p, update("Any", ApprovalRule.METADATA)));
        assertEquals(2, ISSUE_EXAMPLE.apply(p, update("Any", ApprovalRule.AUTHORIZATIONS, ApprovalRule.LATEST)).approvals());
        assertEquals(new ApprovalRules.Applied(3, null), ISSUE_EXAMPLE.apply(p, update("Any", ApprovalRule.LATEST)));
        assertEquals(2, ISSUE_EXAMPLE.apply(p, delete("Any", ApprovalRule.LATEST_VERSION)).approvals());
        assertEquals(3, ISSUE_EXAMPLE.apply(p, delete("Any")).approvals());
        ApprovalRules.Applied nightly = ISSUE_EXAMPLE.apply(p, task("planner", "run-nightly"));
        assertEquals(0, nightly.approvals());
        assertEquals("rule 4: tasks of Planner/run-nightly: 0 approvals", nightly.rule());
        assertEquals(1, ISSUE_EXAMPLE.apply(p, task("Planner", "solve")).approvals());
        assertNull(ISSUE_EXAMPLE.apply(p, task("Planner", "solve")).rule());
        assertEquals(ApprovalRules.POLICY_DEFAULT, ISSUE_EXAMPLE.apply(p, task("Planner", "solve")).ruleOrDefault());
    }

    @Test
    void theFirstMatchingRuleWinsEvenWhenALaterOneIsStricter() {
        TeamPolicy p = policy(1, 1, 1, "");
        ApprovalRule loose = new ApprovalRule("UPDATE", "ANY", "Planning-*", null, 1);
        ApprovalRule strict = new ApprovalRule("UPDATE", "ANY", "Planning-Weekly", null, 4);
        assertEquals(1, new ApprovalRules(List.of(loose, strict)).apply(p, update("Planning-Weekly")).approvals());
        ApprovalRules.Applied swapped = new ApprovalRules(List.of(strict, loose)).apply(p, update("Planning-Weekly"));
        assertEquals(4, swapped.approvals());
        assertTrue(swapped.rule().startsWith("rule 1: "), swapped.rule());
        assertEquals(1, new ApprovalRules(List.of(strict, loose)).apply(p, update("planning-daily")).approvals());
        assertEquals(1, new ApprovalRules(List.of(strict, loose)).apply(p, update("Planning")).approvals(),
                "Planning does not start with Planning-: the policy's number");
    }

    @Test
    void whenAFactIsUnknownTheStrictestPossibilityApplies() {
        TeamPolicy p = policy(1, 1, 1, "");
        ApprovalRules rules = new ApprovalRules(List.of(new ApprovalRule("DELETE", "LAST_VERSION", null, null, 3)));
        ApprovalRules.Applied applied = rules.apply(p, List.of(delete("X"), delete("X", ApprovalRule.LAST_VERSION)));
        assertEquals(3, applied.approvals());
    }

    @Test
    void onlyRulesThatCanLowerACountWeaken() {
        TeamPolicy p = policy(2, 2, 1, "Planner/solve");
        ApprovalRules none = ApprovalRules.none();
        ApprovalRule raise = new ApprovalRule("UPDATE", "AUTHORIZATIONS", null, null, 3);
        ApprovalRule lower = new ApprovalRule("UPDATE", "METADATA", "Planning-*", null, 1);
        assertFalse(new ApprovalRules(List.of(raise)).weakens(none, p), "a rule that raises a count");
        assertTrue(none.weakens(new ApprovalRules(List.of(raise)), p), "removing a rule that raised a count");
        assertTrue(new ApprovalRules(List.of(lower)).weakens(none, p), "a rule under the policy's number");
        assertFalse(none.weakens(new ApprovalRules(List.of(lower)), p), "removing a rule that lowered a count");
        ApprovalRule same = new ApprovalRule("UPDATE", "ANY", null, null, 2);
        assertFalse(new ApprovalRules(List.of(same)).weakens(none, p), "a rule equal to the policy's number");
        ApprovalRule wide = new ApprovalRule("UPDATE", "ANY", "Planning-*", null, 3);
        ApprovalRule narrow = new ApprovalRule("UPDATE", "ANY", "Planning-Weekly", null, 1);
        assertFalse(new ApprovalRules(List.of(wide, narrow)).weakens(new ApprovalRules(List.of(wide)), p),
                "a rule shadowed by an earlier one changes nothing");
        assertTrue(new ApprovalRules(List.of(narrow, wide)).weakens(new ApprovalRules(List.of(wide, narrow)), p),
                "moving a lower rule above the one that shadowed it");
        ApprovalRule taskRaise = new ApprovalRule("TASK", null, "Planner", null, 1);
        assertFalse(new ApprovalRules(List.of(taskRaise)).weakens(none, p),
                "a task rule of 1 raises Planner/solve, which the allow-list lets run without approval");
        assertTrue(none.weakens(new ApprovalRules(List.of(taskRaise)), p), "and removing it lowers it back to 0");
        ApprovalRule zero = new ApprovalRule("TASK", null, "Planner", "run-nightly", 0);
        assertTrue(new ApprovalRules(List.of(zero)).weakens(none, p));
    }

    @Test
    void rulesAreCheckedForTypeChangeAppServiceAndCount() {
        assertEquals(List.of(), new ApprovalRule("TASK", "any", "Planner", "run-nightly", 0).problems());
        assertEquals(List.of(), new ApprovalRule("update", "metadata", "Planning-*", null, 1).problems());
        assertTrue(new ApprovalRule("PUBLISH", null, null, null, 0).problems().get(0).startsWith("approvals:"));
        assertTrue(new ApprovalRule("UPDATE", "LAST_VERSION", null, null, 1).problems().get(0).startsWith("change:"));
        assertTrue(new ApprovalRule("DELETE", null, "bad/name", null, 1).problems().get(0).startsWith("app:"));
        assertTrue(new ApprovalRule("UPDATE", null, null, "solve", 1).problems().get(0).startsWith("service:"));
        assertTrue(new ApprovalRule("POLICY", null, null, null, 1).problems().get(0).startsWith("type:"));
        assertTrue(new ApprovalRule("TASK", null, null, null, 11).problems().get(0).startsWith("approvals:"));
    }
}
