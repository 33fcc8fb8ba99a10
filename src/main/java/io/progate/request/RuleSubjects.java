package io.progate.request;

import io.progate.pro.model.AppUpdate;
import io.progate.team.ApprovalRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A filed request as the team's rules for routine changes see it ({@link ApprovalRule.RuleSubject}):
 * what an update changes, whether a delete removes the latest or the last version (as PRO said at
 * submission), a task's service. When PRO could not say, every possibility is returned and the
 * strictest count applies.
 */
final class RuleSubjects {

    private RuleSubjects() {
    }

    /** {@code deleteFacts}: for a delete, what PRO said about the version; empty when it could not be read. */
    static List<ApprovalRule.RuleSubject> of(Validated valid, Optional<Set<String>> deleteFacts) {
        String type = valid.type().name();
        String app = valid.appName();
        if (valid.body() instanceof AppUpdate) {
            return List.of(new ApprovalRule.RuleSubject(type, app, changes((AppUpdate) valid.body()), null));
        }
        if (valid.body() instanceof TaskFields) {
            return List.of(new ApprovalRule.RuleSubject(type, app, Set.of(), ((TaskFields) valid.body()).serviceName()));
        }
        if (valid.type() == RequestType.DELETE && deleteFacts.isEmpty()) {
            List<ApprovalRule.RuleSubject> all = new ArrayList<>();
            for (Set<String> facts : List.of(Set.<String>of(), Set.of(ApprovalRule.LATEST_VERSION),
                    Set.of(ApprovalRule.LAST_VERSION), Set.of(ApprovalRule.LATEST_VERSION, ApprovalRule.LAST_VERSION))) {
                all.add(new ApprovalRule.RuleSubject(type, app, facts, null));
            }
            return all;
        }
        return List.of(new ApprovalRule.RuleSubject(type, app, deleteFacts.orElse(Set.of()), null));
    }

    /** METADATA when only description and category change; AUTHORIZATIONS and LATEST when they do. */
    static Set<String> changes(AppUpdate u) {
        Set<String> changes = new HashSet<>();
        boolean metadata = u.description() != null || u.projectCategory() != null;
        if (u.authorizations() != null) {
            changes.add(ApprovalRule.AUTHORIZATIONS);
        }
        if (Boolean.TRUE.equals(u.isLatest())) {
            changes.add(ApprovalRule.LATEST);
        }
        if (metadata && changes.isEmpty() && u.attributes() == null && u.resourceProfile() == null) {
            changes.add(ApprovalRule.METADATA);
        }
        return changes;
    }
}
