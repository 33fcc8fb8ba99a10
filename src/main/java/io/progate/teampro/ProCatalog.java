package io.progate.teampro;

import io.progate.pro.ProAimmsVersions;
import io.progate.pro.ProApps;
import io.progate.pro.ProCategories;
import io.progate.pro.ProTasks;
import io.progate.pro.model.AimmsVersion;
import io.progate.pro.model.AppCategory;
import io.progate.pro.model.ProApp;
import io.progate.pro.model.ProScope;
import io.progate.pro.model.ProTask;
import io.progate.pro.model.TaskPage;
import io.progate.pro.model.TaskQuery;
import java.util.ArrayList;
import io.progate.team.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What the request forms pick from, read live from the team's PRO account. Empty when it cannot be read. */
@ApplicationScoped
public class ProCatalog {

    @Inject
    TeamPro pro;

    @Inject
    ProAimmsVersions aimmsVersions;

    @Inject
    ProCategories categories;

    @Inject
    ProApps apps;

    @Inject
    ProTasks tasks;

    /** Pages of tasks read at most, so that an account with a long history cannot hold a page for long. */
    static final int TASK_PAGES = 10;
    static final int TASK_PAGE_SIZE = 100;

    /** Official AIMMS versions, or all of them with development builds when {@code includeDev}. */
    public Optional<List<String>> aimmsVersions(Team team, boolean includeDev) {
        return pro.read(team, ProScope.PUBLISH_AIMMS, includeDev ? "AIMMS versions with development builds"
                : "official AIMMS versions", account -> aimmsVersions.list(account, includeDev).stream()
                        .map(AimmsVersion::id).toList());
    }

    public Optional<List<String>> categories(Team team) {
        return pro.read(team, ProScope.PUBLISH_APP, "categories", account -> categories.list(account).stream()
                .map(AppCategory::value).filter(java.util.Objects::nonNull).sorted(String.CASE_INSENSITIVE_ORDER).toList());
    }

    /**
     * One app version read from PRO (documented call), empty when PRO does not know it; PRO's other
     * failures are thrown. Empty too when the team has no key with scope PublishApp.
     */
    public Optional<ProApp> version(Team team, String name, String version) {
        return pro.readOrFail(team, ProScope.PUBLISH_APP, account -> apps.find(account, name, version).orElse(null));
    }

    /** Every app version of the team, by name then version. */
    public Optional<List<ProApp>> apps(Team team) {
        return pro.read(team, ProScope.PUBLISH_APP, "apps", account -> apps.list(account).stream()
                .sorted(Comparator.comparing(ProApp::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(ProApp::projectVersion, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList());
    }

    /** The versions of one app, picked from the documented list of all apps. */
    public Optional<List<ProApp>> versions(Team team, String name) {
        return pro.read(team, ProScope.PUBLISH_APP, "versions of " + name, account -> apps.versionsFromList(account, name));
    }

    /**
     * The versions of one app, picked from the documented list of all apps; PRO's failures are thrown
     * ({@link io.progate.pro.ProException}); empty when the team has no key with scope PublishApp.
     */
    public Optional<List<ProApp>> versionsOrFail(Team team, String name) {
        return pro.readOrFail(team, ProScope.PUBLISH_APP, account -> apps.versionsFromList(account, name));
    }

    /**
     * The tasks of one app version that have not ended (queued, assigned, running, solving), read page by
     * page up to {@value #TASK_PAGES} pages; PRO's failures are thrown; empty when the team has no key with
     * scope Tasks.
     */
    public Optional<List<ProTask>> openTasksOrFail(Team team, String name, String version) {
        return pro.readOrFail(team, ProScope.TASKS, account -> {
            List<ProTask> open = new ArrayList<>();
            for (int page = 0; page < TASK_PAGES; page++) {
                TaskPage read = tasks.list(account, new TaskQuery(name, version, page * TASK_PAGE_SIZE, TASK_PAGE_SIZE));
                read.tasks().stream().filter(t -> !t.isFinished()).forEach(open::add);
                if (read.tasks().size() < TASK_PAGE_SIZE || (long) (page + 1) * TASK_PAGE_SIZE >= read.total()) {
                    break;
                }
            }
            return open;
        });
    }
}
