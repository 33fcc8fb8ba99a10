package io.progate.request.web;

import io.progate.account.CurrentUser;
import io.progate.account.User;
import io.progate.packages.Sizes;
import io.progate.request.PendingPackages;
import io.progate.team.Team;
import io.progate.team.TeamService;
import io.progate.web.ErrorMappers;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Before a publish upload is read (and spooled to disk): the caller must be able to file for the team
 * (member, approver or admin; anyone else gets the same 404 as for a team that does not exist), and a
 * body announced larger than the team's remaining quota for pending packages is refused with 413.
 * Runs after authentication and before the form body is read; the final quota check is made when the
 * request is stored ({@link PendingPackages#reserve}).
 */
public class PublishGate {

    private static final Pattern TEAM_PUBLISH = Pattern.compile("^(?:/api/v1)?/teams/([^/]+)/requests(?:/publish)?$");

    @Inject
    CurrentUser currentUser;

    @Inject
    TeamService teams;

    @Inject
    PendingPackages pending;

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHORIZATION + 10)
    public Optional<Response> beforeUpload(ContainerRequestContext request, RoutingContext routing) {
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE.toString());
        if (!"POST".equals(request.getMethod()) || type == null || !type.toLowerCase().startsWith("multipart/")) {
            return Optional.empty();
        }
        Matcher m = TEAM_PUBLISH.matcher(routing.normalizedPath());
        Optional<User> user = currentUser.find();
        if (!m.matches() || user.isEmpty()) {
            return Optional.empty();
        }
        Team team;
        try {
            team = teams.require(m.group(1), user.get());
        } catch (NotFoundException e) {
            return Optional.of(ErrorMappers.answer(routing.request(), 404, "Not found", "nothing here, or nothing you may see"));
        }
        long announced = length(request.getHeaderString(HttpHeaders.CONTENT_LENGTH.toString()));
        if (announced > 0 && pending.heldBy(team.id) + announced > pending.quota() + 64 * 1024) {
            return Optional.of(ErrorMappers.answer(routing.request(), 413, "Quota exceeded",
                    "the team's pending requests hold too much of its " + Sizes.human(pending.quota())
                            + " quota for packages to take this upload; wait until some are decided, cancelled or expire"));
        }
        return Optional.empty();
    }

    private static long length(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
