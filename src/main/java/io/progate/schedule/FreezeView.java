package io.progate.schedule;

import java.time.Instant;

/** A freeze as the JSON API shows it; {@code team} is null for a freeze of every team. */
public record FreezeView(long id, String team, Instant startsAt, Instant endsAt, String reason, String createdBy,
        Instant liftedAt, String liftedBy) {

    static FreezeView of(Freeze f) {
        return new FreezeView(f.id, f.team == null ? null : f.team.slug, f.startsAt, f.endsAt, f.reason, f.createdBy,
                f.liftedAt, f.liftedBy);
    }
}
