package io.progate.schedule;

import io.progate.team.ChangeWindows;
import io.progate.team.Team;
import io.progate.team.TeamPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Whether an approved request of a team may start now: not before the start time its author asked
 * for, not during a freeze of its team or of every team, and only inside one of the team's change
 * windows (when it has any). When it may not, the hold says until when and why; the time is the
 * first moment all three allow, found by stepping from one obstacle to the next.
 */
@ApplicationScoped
public class Gate {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_STEPS = 50;

    /** The hold of a request of {@code team} asked to start not before {@code notBefore}, at {@code now}; empty: it may start. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Hold> holdFor(Team team, Instant notBefore, Instant now) {
        ChangeWindows windows = TeamPolicy.of(team).windows();
        Instant t = now;
        String why = null;
        Long freezeId = null;
        if (notBefore != null && notBefore.isAfter(now)) {
            t = notBefore;
            why = "its author asked to start it not before " + WHEN.format(notBefore);
        }
        for (int step = 0; step < MAX_STEPS; step++) {
            List<Freeze> freezes = Freeze.activeFor(team, t);
            if (!freezes.isEmpty()) {
                Freeze freeze = freezes.get(0);
                if (freezeId == null) {
                    freezeId = freeze.id;
                }
                why = why != null ? why : "freeze of " + freeze.scope() + " until " + WHEN.format(freeze.endsAt)
                        + ": " + freeze.reason;
                t = freeze.endsAt;
                continue;
            }
            Optional<Instant> opening = windows.nextOpening(t);
            if (opening.isPresent()) {
                why = why != null ? why : "outside the team's change windows (" + windows.describe() + ")";
                t = opening.get();
                continue;
            }
            break;
        }
        return t.equals(now) ? Optional.empty() : Optional.of(new Hold(t, why, freezeId));
    }

    /** A time as holds and freezes write it. */
    public static String format(Instant t) {
        return WHEN.format(t);
    }
}
