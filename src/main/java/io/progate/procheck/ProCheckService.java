package io.progate.procheck;

import io.progate.account.User;
import io.progate.common.ConflictException;
import io.progate.credential.Credential;
import io.progate.credential.CredentialService;
import io.progate.credential.Scope;
import io.progate.pro.ProAccount;
import io.progate.pro.ProAimmsVersions;
import io.progate.pro.ProApiKeys;
import io.progate.pro.ProApps;
import io.progate.pro.ProBreakers;
import io.progate.pro.ProCategories;
import io.progate.pro.ProDirectory;
import io.progate.pro.ProException;
import io.progate.pro.ProTasks;
import io.progate.pro.model.AimmsVersion;
import io.progate.pro.model.AppCategory;
import io.progate.pro.model.ProApp;
import io.progate.pro.model.ProEnvironment;
import io.progate.pro.model.ProGroup;
import io.progate.pro.model.ProUser;
import io.progate.pro.model.TaskPage;
import io.progate.pro.model.TaskQuery;
import io.progate.team.Team;
import io.progate.team.TeamService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs every read ProGate relies on against a team's PRO account, each with the team's own key for
 * its scope, and reports per call OK or the exact failure. It only reads: nothing on PRO or in
 * ProGate changes (a key's last use is noted, as for every use of a stored key).
 */
@ApplicationScoped
public class ProCheckService {

    @Inject
    TeamService teams;

    @Inject
    CredentialService credentials;

    @Inject
    ProApps apps;

    @Inject
    ProCategories categories;

    @Inject
    ProAimmsVersions aimmsVersions;

    @Inject
    ProDirectory directory;

    @Inject
    ProTasks tasks;

    @Inject
    ProApiKeys apiKeys;

    @Inject
    ProBreakers breakers;

    /** The check for {@code slug}, if {@code user} may see the team (404 otherwise). */
    public ProCheck run(String slug, User user) {
        Team team = QuarkusTransaction.requiringNew().call(() -> teams.require(slug, user));
        List<ProCheck.Step> steps = new ArrayList<>();
        steps.add(step(team, "apps", "GET", "/pro-api/v2/applications", Scope.PUBLISH_APP, true, account -> {
            List<ProApp> all = apps.list(account);
            long names = all.stream().map(ProApp::name).distinct().count();
            return all.size() + " app versions of " + names + " apps";
        }));
        steps.add(step(team, "categories", "GET", "/pro-api/v2/applications/categories", Scope.PUBLISH_APP, false,
                account -> {
                    List<AppCategory> found = categories.list(account);
                    return found.size() + " categories: " + String.join(", ", found.stream().map(AppCategory::value)
                            .toList());
                }));
        steps.add(step(team, "official AIMMS versions", "GET", "/pro-api/v2/aimms-versions", Scope.PUBLISH_AIMMS, true,
                account -> versions(aimmsVersions.list(account, false), "official versions")));
        steps.add(step(team, "AIMMS versions with development builds", "GET", "/pro-api/v2/aimms-versions?dev=true",
                Scope.PUBLISH_AIMMS, true, account -> versions(aimmsVersions.list(account, true), "versions")));
        steps.add(step(team, "environments", "GET", "/pro/user-manager/v1/environment", Scope.AUTHENTICATION, true,
                account -> {
                    List<ProEnvironment> found = directory.environments(account);
                    return found.size() + " environments" + ids(found.stream().map(ProEnvironment::id).toList());
                }));
        steps.add(step(team, "groups", "GET", "/pro/user-manager/v1/group", Scope.AUTHENTICATION, true, account -> {
            List<ProGroup> found = directory.groups(account);
            return found.size() + " groups" + ids(found.stream().map(ProGroup::id).toList());
        }));
        steps.add(step(team, "users", "GET", "/pro/user-manager/v1/user?offset=0&limit=100, then 100, 200, ...", Scope.AUTHENTICATION, true,
                account -> {
                    List<ProUser> found = directory.users(account);
                    int pages = found.size() / ProDirectory.PAGE + 1;
                    return found.size() + " users, read in " + pages + " page" + (pages == 1 ? "" : "s") + " of "
                            + ProDirectory.PAGE + ids(found.stream().map(ProUser::id).toList());
                }));
        steps.add(step(team, "tasks", "GET", "/pro-api/v2/tasks?limit=1", Scope.TASKS, true, account -> {
            TaskPage page = tasks.list(account, new TaskQuery(null, null, 0, 1));
            return page.total() + " tasks in all";
        }));
        steps.add(step(team, "API keys", "GET", "/pro/user-manager/v1/user/@current/api-key", Scope.API_KEY, true,
                account -> "API keys of the key's user: " + apiKeys.list(account).size()));
        return new ProCheck(team.slug, team.proUrl, Instant.now(), breakers.state(team.proUrl), steps);
    }

    private ProCheck.Step step(Team team, String call, String method, String path, Scope scope, boolean documented,
            Function<ProAccount, String> read) {
        Optional<Credential> key = QuarkusTransaction.requiringNew().call(() -> credentials.usableFor(team, scope));
        if (key.isEmpty()) {
            return new ProCheck.Step(call, method, path, scope.proName(), documented, null, ProCheck.SKIPPED,
                    "the team has no usable key with scope " + scope.proName(), null, null, 0);
        }
        String label = key.get().label;
        long start = System.nanoTime();
        try {
            String found = credentials.withSecret(key.get(), secret -> read.apply(new ProAccount(team.proUrl,
                    secret.reveal())));
            return new ProCheck.Step(call, method, path, scope.proName(), documented, label, ProCheck.OK, found, null,
                    null, millis(start));
        } catch (ProException e) {
            return new ProCheck.Step(call, method, path, scope.proName(), documented, label, ProCheck.FAILED,
                    e.getMessage(), e.status() == 0 ? null : e.status(), e.excerpt(), millis(start));
        } catch (ConflictException e) {
            return new ProCheck.Step(call, method, path, scope.proName(), documented, label, ProCheck.FAILED,
                    "the key could not be used: " + e.getMessage(), null, null, millis(start));
        }
    }

    private static String versions(List<AimmsVersion> found, String what) {
        List<String> ids = found.stream().map(AimmsVersion::id).toList();
        return found.size() + " " + what + (ids.isEmpty() ? "" : ", such as " + String.join(", ",
                ids.subList(0, Math.min(3, ids.size()))));
    }

    /** Whether the user manager sent entity ids (authorizations name entities by id). */
    private static String ids(List<Long> ids) {
        if (ids.isEmpty()) {
            return "";
        }
        long with = ids.stream().filter(id -> id != null).count();
        if (with == ids.size()) {
            return "; every entry carries an entity id, so access rules show names";
        }
        return with == 0 ? "; no entry carries an entity id: access rules show numbers and the team's labels"
                : "; " + with + " of " + ids.size() + " entries carry an entity id";
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
