package io.progate.support;

import io.progate.account.AccountService;
import io.progate.account.User;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.progate.team.TeamService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates the data a test needs, under names no other test uses. */
@ApplicationScoped
public class Fixtures {

    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Inject
    AccountService accounts;

    @Inject
    TeamService teams;

    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQ.incrementAndGet();
    }

    public User user(String prefix) {
        return user(prefix, false);
    }

    public User admin(String prefix) {
        return user(prefix, true);
    }

    private User user(String prefix, boolean admin) {
        String name = unique(prefix);
        return QuarkusTransaction.requiringNew().call(() -> accounts.create(
                new AccountService.NewUser(name, "Test " + name, name + "@example.com", PASSWORD, admin)));
    }

    public Team team(String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> teams.create(
                new TeamService.TeamInput(unique(prefix), "Team " + prefix, "https://" + prefix + ".aimms.cloud")));
    }

    public void member(Team team, User user, TeamRole role) {
        QuarkusTransaction.requiringNew().run(() -> teams.setMember(team.slug, user.username, role));
    }
}
