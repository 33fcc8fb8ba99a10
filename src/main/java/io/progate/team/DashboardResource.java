package io.progate.team;

import io.progate.account.CurrentUser;
import io.progate.account.User;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

/** The landing page: the teams of the signed-in user. */
@Path("/")
@RolesAllowed("user")
public class DashboardResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    TeamService teams;

    /** A team card on the dashboard. */
    public record TeamCard(Team team, String role, long members, List<TeamNotice> notices) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(User user, List<TeamCard> teams);
    }

    @GET
    public TemplateInstance dashboard() {
        User user = currentUser.get();
        List<TeamCard> cards = teams.visibleTo(user).stream()
                .map(team -> new TeamCard(team,
                        teams.roleOf(team, user).map(Enum::name).orElse("ADMIN"),
                        Membership.countOf(team), teams.noticesAbout(team)))
                .toList();
        return Templates.dashboard(user, cards);
    }
}
