package io.progate.schedule;

import io.progate.team.Team;
import io.progate.team.TeamNotice;
import io.progate.team.TeamNotices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** A freeze in force for the team, as a notice on its page and dashboard card. */
@ApplicationScoped
public class FreezeNotice implements TeamNotices {

    @Inject
    Clock clock;

    @Override
    public List<TeamNotice> about(Team team) {
        List<Freeze> active = Freeze.activeFor(team, clock.instant());
        if (active.isEmpty()) {
            return List.of();
        }
        List<String> items = active.stream().map(f -> "Freeze of " + f.scope() + " until " + Gate.format(f.endsAt)
                + ": " + f.reason).toList();
        return List.of(new TeamNotice("Frozen: approved requests wait until the freeze ends", items,
                ScheduleUrls.freezesUrl(team), "Freezes"));
    }
}
