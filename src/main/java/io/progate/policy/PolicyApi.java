package io.progate.policy;

import io.progate.account.CurrentUser;
import io.progate.common.InvalidInputException;
import io.progate.request.RequestService;
import io.progate.request.web.RequestViews;
import io.progate.team.ApprovalRule;
import io.progate.team.PolicyInput;
import io.progate.team.TeamPolicy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** A team's approval policy: members read it, approvers of the team and admins change it. */
@Path("/api/v1/teams/{slug}/policy")
@RolesAllowed("user")
public class PolicyApi {

    @Inject
    PolicyService policies;

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestService requests;

    @Inject
    RequestViews views;

    /** The policy as the API shows it. */
    public record PolicyView(String team, int requiredApprovals, int deleteApprovals, int maxWaitHours,
            boolean adminsMayApprove, int taskApprovals, java.util.List<String> taskAllowList,
            java.util.List<String> changeWindows, boolean breakGlassAllowed) {

        static PolicyView of(TeamPolicy p) {
            return new PolicyView(p.team.slug, p.requiredApprovals, p.deleteApprovals, p.maxWaitHours, p.adminsMayApprove,
                    p.taskApprovals, p.allowList(), p.windows().windows().stream().map(Object::toString).toList(),
                    p.breakGlassAllowed);
        }
    }

    /** The rules for routine changes as the API shows and takes them, in order (the first match wins). */
    public record RulesView(String team, java.util.List<RuleView> rules) {
    }

    /** One rule: its place (1 is evaluated first), its fields and its words. */
    public record RuleView(int position, String type, String change, String app, String service, int approvals,
            String label) {
    }

    /** The body of a change of the rules: the whole list, in order. */
    public record RulesInput(java.util.List<ApprovalRule> rules) {
    }

    @GET
    @Path("rules")
    public RulesView rules(@PathParam("slug") String slug) {
        return rulesView(policies.get(slug, currentUser.get()).team);
    }

    /**
     * Replaces the rules: 200 with them when the change took effect (no request can need fewer
     * approvals than before, or an admin made it); 202 with the POLICY request it became otherwise.
     */
    @PUT
    @Path("rules")
    public Response putRules(@PathParam("slug") String slug, RulesInput input) {
        if (input == null || input.rules() == null) {
            throw new InvalidInputException("rules", "a JSON object with the list of rules is required");
        }
        PolicyService.Result result = policies.changeRules(slug, currentUser.get(), input.rules());
        if (result.pending() == null) {
            return Response.ok(rulesView(result.policy().team)).build();
        }
        long id = result.pending().id;
        return Response.accepted(views.of(requests.require(id, currentUser.get())))
                .location(URI.create("/api/v1/requests/" + id)).build();
    }

    private RulesView rulesView(io.progate.team.Team team) {
        java.util.List<ApprovalRule> rules = policies.rules(team).rules();
        java.util.List<RuleView> views = new java.util.ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            ApprovalRule r = rules.get(i);
            views.add(new RuleView(i + 1, r.type(), r.change(), r.app(), r.service(), r.approvals(), r.label()));
        }
        return new RulesView(team.slug, views);
    }

    @GET
    public PolicyView get(@PathParam("slug") String slug) {
        return PolicyView.of(policies.get(slug, currentUser.get()));
    }

    /**
     * Changes the policy: 200 with the policy when the change took effect (it strengthens the policy,
     * or an admin made it); 202 with the POLICY request it became when it weakens the policy, which
     * then waits for another approver of the team or an admin.
     */
    @PUT
    public Response put(@PathParam("slug") String slug, PolicyInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "a JSON object with the policy's fields is required");
        }
        PolicyService.Result result = policies.change(slug, currentUser.get(), input);
        if (result.pending() == null) {
            return Response.ok(PolicyView.of(result.policy())).build();
        }
        long id = result.pending().id;
        return Response.accepted(views.of(requests.require(id, currentUser.get())))
                .location(URI.create("/api/v1/requests/" + id)).build();
    }
}
