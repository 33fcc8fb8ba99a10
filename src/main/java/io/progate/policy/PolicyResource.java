package io.progate.policy;

import io.progate.team.TaskPair;
import io.progate.account.CurrentUser;
import io.progate.account.User;
import io.progate.common.InvalidInputException;
import io.progate.request.ReleaseRequest;
import io.progate.team.ApprovalRule;
import io.progate.team.PolicyInput;
import io.progate.team.Team;
import io.progate.team.TeamPolicy;
import io.progate.team.TeamService;
import io.progate.web.Flash;
import io.progate.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** A team's approval policy: shown to members, changed by approvers of the team and admins. */
@Path("/teams/{slug}/policy")
@RolesAllowed("user")
public class PolicyResource {

    @Inject
    PolicyService policies;

    @Inject
    TeamService teams;

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance policy(Team team, TeamPolicy policy, boolean canChange, boolean direct,
                List<ReleaseRequest> pending, Map<String, String> errors);
    }

    @GET
    public TemplateInstance policy(@PathParam("slug") String slug) {
        User user = currentUser.get();
        Team team = teams.require(slug, user);
        return Templates.policy(team, TeamPolicy.of(team), policies.canChange(team, user), user.admin,
                policies.pending(team), Map.of());
    }

    @POST
    public Response change(@PathParam("slug") String slug, @RestForm String requiredApprovals,
            @RestForm String deleteApprovals, @RestForm String maxWaitDays, @RestForm String adminsMayApprove,
            @RestForm String taskApprovals, @RestForm String taskAllowList, @RestForm String changeWindows,
            @RestForm String breakGlassShown, @RestForm String breakGlassAllowed) {
        User user = currentUser.get();
        Team team = teams.require(slug, user);
        try {
            Integer days = number("maxWaitDays", maxWaitDays);
            PolicyService.Result result = policies.change(slug, user, new PolicyInput(
                    number("requiredApprovals", requiredApprovals), number("deleteApprovals", deleteApprovals),
                    days == null ? null : days * 24, "true".equals(adminsMayApprove),
                    number("taskApprovals", taskApprovals),
                    taskAllowList == null ? null : TaskPair.parse(taskAllowList),
                    changeWindows == null ? null : changeWindows.lines().toList(),
                    breakGlassShown == null ? null : "true".equals(breakGlassAllowed)));
            if (result.pending() != null) {
                return Flash.redirect("/requests/" + result.pending().id, "This change weakens the policy: it takes"
                        + " effect once another approver of the team or an admin approves this request.");
            }
            return Flash.redirect("/teams/" + slug + "/policy", "Policy saved. It applies to requests filed from now on.");
        } catch (InvalidInputException e) {
            return FormErrors.badRequest(Templates.policy(team, TeamPolicy.of(team), true, user.admin,
                    policies.pending(team), FormErrors.of(e)));
        }
    }

    /** Adds a rule at the end of the team's rules (or at {@code position}, 1 being evaluated first). */
    @POST
    @Path("rules")
    public Response addRule(@PathParam("slug") String slug, @RestForm String type, @RestForm String change,
            @RestForm String app, @RestForm String service, @RestForm String approvals, @RestForm String position) {
        return changeRules(slug, rules -> {
            Integer count = number("approvals", approvals);
            if (count == null) {
                throw new InvalidInputException("approvals", "the approvals the matching requests need");
            }
            Integer at = number("position", position);
            ApprovalRule rule = new ApprovalRule(type, change, app, service, count);
            rules.add(at == null ? rules.size() : Math.max(0, Math.min(rules.size(), at - 1)), rule);
        });
    }

    /** Removes the rule at {@code position}, or moves it up or down one place. */
    @POST
    @Path("rules/{position}/{action:remove|up|down}")
    public Response moveRule(@PathParam("slug") String slug, @PathParam("position") int position,
            @PathParam("action") String action) {
        return changeRules(slug, rules -> {
            int i = position - 1;
            if (i < 0 || i >= rules.size()) {
                throw new InvalidInputException("position", "no rule " + position);
            }
            int j = action.equals("up") ? i - 1 : i + 1;
            if (action.equals("remove")) {
                rules.remove(i);
            } else if (j >= 0 && j < rules.size()) {
                rules.add(j, rules.remove(i));
            }
        });
    }

    private Response changeRules(String slug, java.util.function.Consumer<List<ApprovalRule>> edit) {
        User user = currentUser.get();
        Team team = teams.require(slug, user);
        try {
            List<ApprovalRule> rules = new java.util.ArrayList<>(policies.rules(team).rules());
            edit.accept(rules);
            PolicyService.Result result = policies.changeRules(slug, user, rules);
            if (result.pending() != null) {
                return Flash.redirect("/requests/" + result.pending().id, "These rules can lower the approvals some"
                        + " requests need: they take effect once another approver of the team or an admin approves this"
                        + " request.");
            }
            return Flash.redirect("/teams/" + slug + "/policy", "Rules saved. They apply to requests filed from now on.");
        } catch (InvalidInputException e) {
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            FormErrors.of(e).forEach((field, message) -> errors.put(field.replaceFirst("^rules\\[\\d+]\\.", ""), message));
            return FormErrors.badRequest(Templates.policy(team, TeamPolicy.of(team), true, user.admin,
                    policies.pending(team), errors));
        }
    }

    private static Integer number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "a whole number");
        }
    }
}
