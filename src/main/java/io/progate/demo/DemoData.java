package io.progate.demo;

import io.progate.account.AccountConfig;
import io.progate.account.Passwords;
import io.progate.account.User;
import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.team.Membership;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo accounts and a demo team for the dev profile ({@code progate.demo.enabled}), created once:
 * {@code owner}/{@code owner} (member) and {@code approver}/{@code approver} (approver) of team
 * {@code demo}, whose PRO account is the portal's own sandbox.
 */
@ApplicationScoped
public class DemoData {

    public static final String TEAM = "demo";

    @Inject
    AccountConfig config;

    @Inject
    AuditLog audit;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    @Transactional
    void create() {
        if (!config.demo().enabled() || Team.bySlug(TEAM).isPresent()) {
            return;
        }
        Team team = new Team();
        team.slug = TEAM;
        team.name = "Demo team";
        team.proUrl = "http://localhost:" + port + "/sandbox";
        team.persist();
        audit.record(AuditRecord.of("team.create", "team", TEAM).team(team.id).actor(AuditLog.SYSTEM)
                .details(Map.of("demo", true, "proUrl", team.proUrl)));
        member(team, user("owner", "Olivia Owner"), TeamRole.MEMBER);
        member(team, user("approver", "Aaron Approver"), TeamRole.APPROVER);
        Log.warn("Demo data created: users owner/owner and approver/approver in team 'demo' (dev only)");
    }


    // Demo passwords equal the user names, shorter than AccountService allows, hence no service call.
    private User user(String username, String name) {
        return User.byUsername(username).orElseGet(() -> {
            User user = new User();
            user.username = username;
            user.displayName = name;
            user.email = username + "@example.com";
            user.passwordHash = Passwords.hash(username);
            user.persist();
            audit.record(AuditRecord.of("user.create", "user", username).actor(AuditLog.SYSTEM)
                    .details(Map.of("displayName", name, "demo", true)));
            return user;
        });
    }

    private void member(Team team, User user, TeamRole role) {
        Membership m = new Membership();
        m.team = team;
        m.user = user;
        m.role = role;
        m.persist();
        audit.record(AuditRecord.of("member.add", "team", team.slug).team(team.id).actor(AuditLog.SYSTEM)
                .details(Map.of("username", user.username, "role", role.name())));
    }
}
