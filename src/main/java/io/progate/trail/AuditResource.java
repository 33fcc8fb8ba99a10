package io.progate.trail;

import io.progate.account.CurrentUser;
import io.progate.account.User;
import io.progate.audit.AuditPage;
import io.progate.audit.AuditParams;
import io.progate.audit.AuditVerifier;
import io.progate.audit.ChainReport;
import io.progate.team.Team;
import io.progate.team.TeamService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;

/** The audit page (members see their teams' events, admins all) and the admins' chain check. */
@Path("/")
@RolesAllowed("user")
public class AuditResource {

    @Inject
    AuditService audit;

    @Inject
    AuditVerifier verifier;

    @Inject
    TeamService teams;

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(AuditPage page, List<StoryLine> story, AuditParams params, List<Team> teams,
                boolean admin);

        static native TemplateInstance verify(ChainReport report);
    }

    @GET
    @Path("audit")
    public TemplateInstance audit(@BeanParam AuditParams params) {
        User user = currentUser.get();
        AuditPage page = audit.page(user, params);
        return Templates.audit(page, audit.story(page.events()), params, teams.visibleTo(user), user.admin);
    }

    /**
     * Shows the verify button; with {@code run} set, walks the chain and shows the result. Admins
     * only, checked here rather than with {@code @RolesAllowed}: a refusal from the annotation is
     * rendered on the I/O thread, where the error page cannot look up the signed-in user.
     */
    @GET
    @Path("admin/audit/verify")
    public TemplateInstance verify(@RestQuery String run) {
        if (!currentUser.isAdmin()) {
            throw new ForbiddenException();
        }
        return Templates.verify(run == null ? null : verifier.verify(null));
    }
}
