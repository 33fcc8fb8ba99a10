package io.progate.schedule;

import io.progate.account.CurrentUser;
import io.progate.account.User;
import io.progate.team.Team;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The layout's banner, as {@code inject:freezeBanner.active}: the freezes in force that concern the
 * viewer (of their teams or of every team; admins see all), read once per page.
 */
@RequestScoped
@Named("freezeBanner")
public class FreezeBanner {

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    private List<Freeze> active;

    /** Empty on the I/O thread (error pages of refused role checks), where no database read is allowed. */
    public List<Freeze> getActive() {
        if (io.vertx.core.Context.isOnEventLoopThread()) {
            return List.of();
        }
        if (active == null) {
            Optional<User> user = currentUser.find();
            active = user.map(u -> u.admin ? Freeze.inForceAt(clock.instant())
                    : Freeze.activeForAny(Team.of(u), clock.instant())).orElse(List.of());
        }
        return active;
    }
}
