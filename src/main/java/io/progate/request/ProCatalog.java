package io.progate.request;

import io.progate.credential.Scope;
import io.progate.pro.AimmsVersion;
import io.progate.pro.AppCategory;
import io.progate.pro.ProAimmsVersions;
import io.progate.pro.ProApp;
import io.progate.pro.ProApps;
import io.progate.pro.ProCategories;
import io.progate.pro.ProDirectory;
import io.progate.team.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
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
    ProDirectory directory;

    /** An environment, group or user an authorization can name. */
    public record Entity(long id, String kind, String name) {
    }

    public Optional<List<String>> aimmsVersions(Team team) {
        return pro.read(team, Scope.PUBLISH_AIMMS, "AIMMS versions",
                account -> aimmsVersions.list(account, true).stream().map(AimmsVersion::id).toList());
    }

    public Optional<List<String>> categories(Team team) {
        return pro.read(team, Scope.PUBLISH_APP, "categories",
                account -> categories.list(account).stream().map(AppCategory::value).sorted().toList());
    }

    /** Every app version of the team, by name then version. */
    public Optional<List<ProApp>> apps(Team team) {
        return pro.read(team, Scope.PUBLISH_APP, "apps", account -> apps.list(account).stream()
                .sorted(Comparator.comparing(ProApp::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(ProApp::projectVersion, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList());
    }

    public Optional<List<ProApp>> versions(Team team, String name) {
        return pro.read(team, Scope.PUBLISH_APP, "versions of " + name, account -> apps.versions(account, name));
    }

    /** Environments, groups and users with their numeric ids, for the authorizations editor. */
    public Optional<List<Entity>> entities(Team team) {
        return pro.read(team, Scope.AUTHENTICATION, "user-manager entities", account -> {
            List<Entity> all = new ArrayList<>();
            directory.environments(account).stream().filter(e -> e.id() != null)
                    .forEach(e -> all.add(new Entity(e.id(), "environment", e.environmentName())));
            directory.groups(account).stream().filter(g -> g.id() != null)
                    .forEach(g -> all.add(new Entity(g.id(), "group", g.environmentName() + "/" + g.groupName())));
            directory.users(account).stream().filter(u -> u.id() != null)
                    .forEach(u -> all.add(new Entity(u.id(), "user", u.userName()
                            + (u.fullName() == null ? "" : " (" + u.fullName() + ")"))));
            return all;
        });
    }
}
