package io.progate.request;

import io.progate.account.CurrentUser;
import io.progate.common.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A team's approval policy: members read it, approvers of the team and admins change it. */
@Path("/api/v1/teams/{slug}/policy")
@RolesAllowed("user")
public class PolicyApi {

    @Inject
    PolicyService policies;

    @Inject
    CurrentUser currentUser;

    /** The policy as the API shows it. */
    public record PolicyView(String team, int requiredApprovals, int deleteApprovals, int maxWaitHours,
            boolean adminsMayApprove) {

        static PolicyView of(TeamPolicy p) {
            return new PolicyView(p.team.slug, p.requiredApprovals, p.deleteApprovals, p.maxWaitHours, p.adminsMayApprove);
        }
    }

    @GET
    public PolicyView get(@PathParam("slug") String slug) {
        return PolicyView.of(policies.get(slug, currentUser.get()));
    }

    @PUT
    public PolicyView put(@PathParam("slug") String slug, PolicyInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "a JSON object with the policy's fields is required");
        }
        return PolicyView.of(policies.change(slug, currentUser.get(), input));
    }
}
