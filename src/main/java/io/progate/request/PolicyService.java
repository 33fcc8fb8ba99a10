package io.progate.request;

import io.progate.account.User;
import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.common.Validator;
import io.progate.team.Team;
import io.progate.team.TeamService;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;

/** Team approval policies: members read them, approvers of the team and admins change them (audited). */
@ApplicationScoped
public class PolicyService {

    @Inject
    TeamService teams;

    @Inject
    AuditLog audit;

    public TeamPolicy get(String slug, User user) {
        return TeamPolicy.of(teams.require(slug, user));
    }

    public boolean canChange(Team team, User user) {
        return user.admin || teams.isApprover(team, user);
    }

    @Transactional
    public TeamPolicy change(String slug, User user, PolicyInput input) {
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
                .throwIfInvalid();
        TeamPolicy policy = TeamPolicy.of(team);
        Map<String, Object> changed = new LinkedHashMap<>();
        if (input.requiredApprovals() != null && input.requiredApprovals() != policy.requiredApprovals) {
            changed.put("requiredApprovals", Map.of("from", policy.requiredApprovals, "to", input.requiredApprovals()));
            policy.requiredApprovals = input.requiredApprovals();
        }
        if (input.deleteApprovals() != null && input.deleteApprovals() != policy.deleteApprovals) {
            changed.put("deleteApprovals", Map.of("from", policy.deleteApprovals, "to", input.deleteApprovals()));
            policy.deleteApprovals = input.deleteApprovals();
        }
        if (input.maxWaitHours() != null && input.maxWaitHours() != policy.maxWaitHours) {
            changed.put("maxWaitHours", Map.of("from", policy.maxWaitHours, "to", input.maxWaitHours()));
            policy.maxWaitHours = input.maxWaitHours();
        }
        if (input.adminsMayApprove() != null && input.adminsMayApprove() != policy.adminsMayApprove) {
            changed.put("adminsMayApprove", Map.of("from", policy.adminsMayApprove, "to", input.adminsMayApprove()));
            policy.adminsMayApprove = input.adminsMayApprove();
        }
        if (!changed.isEmpty()) {
            if (policy.id == null) {
                policy.persist();
            }
            audit.record(AuditRecord.of("policy.update", "team", team.slug).team(team.id).details(changed));
        }
        return policy;
    }

    private static boolean between(int value, int min, int max) {
        return value >= min && value <= max;
    }
}
