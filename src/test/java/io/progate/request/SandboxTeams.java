package io.progate.request;

import io.progate.account.User;
import io.progate.credential.CredentialInput;
import io.progate.credential.CredentialService;
import io.progate.support.Fixtures;
import io.progate.team.Team;
import io.progate.team.TeamService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Teams whose PRO account is the built-in sandbox, with the sandbox demo key stored as their credential. */
@ApplicationScoped
public class SandboxTeams {

    public static final String DEMO_KEY = "sandbox-demo-key-0000000000000000";
    public static final String AIMMS = "24.6.2.9-linux64-x86-vc143";

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Inject
    Fixtures fixtures;

    @Inject
    TeamService teams;

    @Inject
    CredentialService credentials;

    /** A team on the sandbox, with a key carrying PublishApp, PublishAIMMS and Authentication. */
    public Team team(String prefix) {
        return team(prefix, List.of("PublishApp", "PublishAIMMS", "Authentication"));
    }

    public Team team(String prefix, List<String> scopes) {
        Team team = bare(prefix);
        User admin = fixtures.admin("keys");
        credentials.add(team.slug, admin, new CredentialInput("sandbox", DEMO_KEY, scopes,
                LocalDate.now(ZoneOffset.UTC).plusDays(90).toString(), false));
        return team;
    }

    /** A team on the sandbox without any key. */
    public Team bare(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> teams.create(new TeamService.TeamInput(
                Fixtures.unique(prefix), "Team " + prefix, "http://localhost:" + port + "/sandbox")));
    }
}
