package io.progate.task;

import io.progate.account.User;
import io.progate.pro.model.ProTask;
import io.progate.pro.ProTasks;
import io.progate.pro.model.TaskPage;
import io.progate.pro.model.TaskQuery;
import io.progate.team.Team;
import io.progate.team.TeamService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A team's recent tasks as PRO lists them (newest first, a page at a time), each linked to the
 * ProGate request that created it when there is one. PRO filters by app; the state filter is applied
 * to the page PRO returned (PRO's list has no state filter), so a filtered page may hold fewer rows.
 */
@ApplicationScoped
public class TeamTasks {

    @Inject
    TeamService teams;

    @Inject
    TaskService tasks;

    @Inject
    ProTasks pro;

    @Inject
    TaskConfig config;

    /** One listed task and the request that created it (null when it was not created through ProGate). */
    public record Row(ProTask task, Long requestId) {
    }

    /** A page: the rows, PRO's total, the page number (from 0), its size and the filters used. */
    public record Page(List<Row> rows, long total, int page, int pageSize, String app, String state) {

        public boolean hasPrevious() {
            return page > 0;
        }

        /** The states PRO documents, for the filter. */
        public List<String> states() {
            return List.of("queued", "assigned", "running", "solving", "completed", "failed");
        }

        public boolean hasNext() {
            return (long) (page + 1) * pageSize < total;
        }
    }

    public Page list(String slug, User user, String app, String state, int page) {
        Team team = teams.require(slug, user);
        String appFilter = app == null || app.isBlank() ? null : app.trim();
        String stateFilter = state == null || state.isBlank() ? null : state.trim().toLowerCase(Locale.ROOT);
        int number = Math.max(0, page);
        int size = config.pageSize();
        TaskPage answer = tasks.withKey(team, account -> pro.list(account,
                new TaskQuery(appFilter, null, number * size, size)));
        Map<String, Long> byTask = QuarkusTransaction.requiringNew().call(() -> RequestTask.ofTeam(team.id).stream()
                .collect(Collectors.toMap(t -> t.taskId, t -> t.requestId, (a, b) -> a)));
        List<Row> rows = answer.tasks().stream()
                .filter(t -> stateFilter == null || stateFilter.equalsIgnoreCase(t.state()))
                .map(t -> new Row(t, byTask.get(t.id()))).toList();
        return new Page(rows, answer.total(), number, size, appFilter, stateFilter);
    }

}
