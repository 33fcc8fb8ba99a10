package io.progate.dashboard;

import io.progate.account.User;
import io.progate.common.Paging;
import io.progate.credential.Credential;
import io.progate.credential.CredentialService;
import io.progate.request.ReleaseRequest;
import io.progate.team.Team;
import io.progate.team.TeamService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard shows a signed-in user, read with a fixed number of queries whatever the number of
 * teams: their teams, members per team, what waits for their decision, their open requests, the recent
 * outcomes of their teams, their teams' keys expiring soon and the requests per week of each team.
 */
@ApplicationScoped
public class DashboardService {

    /** Rows per list on the dashboard; each list links to its full page. */
    public static final int ROWS = 8;

    @Inject
    TeamService teams;

    /** A team card: the team, the user's role in it, its member count and its chart. */
    public record TeamCard(Team team, String role, long members, WeeklyChart chart) {
    }

    /** Everything on the dashboard. */
    public record Dashboard(User user, List<TeamCard> teams, List<ReleaseRequest> waiting, long waitingTotal,
            List<ReleaseRequest> mine, List<ReleaseRequest> outcomes, List<Credential> expiringKeys) {
    }

    @Transactional
    public Dashboard of(User user) {
        List<Team> visible = teams.visibleTo(user);
        List<Long> ids = visible.stream().map(t -> t.id).toList();
        Map<Long, String> roles = new HashMap<>();
        Map<Long, Long> members = new HashMap<>();
        if (!ids.isEmpty()) {
            Team.getEntityManager().createQuery("select m.team.id, m.role from Membership m where m.user = ?1",
                    Object[].class).setParameter(1, user).getResultList()
                    .forEach(row -> roles.put((Long) row[0], row[1].toString()));
            Team.getEntityManager().createQuery("select m.team.id, count(m) from Membership m where m.team.id in ?1"
                    + " group by m.team.id", Object[].class).setParameter(1, ids).getResultList()
                    .forEach(row -> members.put((Long) row[0], (Long) row[1]));
        }
        LocalDate first = WeeklyChart.firstWeek(WeeklyChart.today());
        List<ReleaseRequest.WeekCount> counts = ReleaseRequest.perWeek(ids,
                first.atStartOfDay(ZoneOffset.UTC).toInstant());
        List<TeamCard> cards = visible.stream().map(t -> new TeamCard(t, roles.getOrDefault(t.id, "ADMIN"),
                members.getOrDefault(t.id, 0L), WeeklyChart.of(t.id, counts, first))).toList();
        Paging.Page<ReleaseRequest> waiting = ReleaseRequest.waitingFor(user, new Paging(ROWS, null));
        long waitingTotal = waiting.nextCursor() == null ? waiting.items().size() : ReleaseRequest.countWaitingFor(user);
        List<Credential> keys = Credential.expiringOfTeams(ids,
                Instant.now().plus(CredentialService.EXPIRY_NOTICE_DAYS, ChronoUnit.DAYS));
        return new Dashboard(user, cards, waiting.items(), waitingTotal, ReleaseRequest.openBy(user, ROWS),
                ReleaseRequest.recentlyFinished(ids, ROWS), keys);
    }
}
