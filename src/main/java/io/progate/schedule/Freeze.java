package io.progate.schedule;

import io.progate.common.BaseEntity;
import io.progate.team.Team;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/**
 * A period in which nothing of a team (or, without a team, of any team) starts executing: approved
 * requests wait as SCHEDULED until it ends or is lifted.
 */
@Entity
@Table(name = "change_freeze")
public class Freeze extends BaseEntity {

    @Version
    public long version;

    /** The team frozen; null: every team (read with the freeze: every page that shows one names it). */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "team_id")
    public Team team;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(nullable = false)
    public String reason;

    /** Username of who declared it. */
    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "lifted_at")
    public Instant liftedAt;

    @Column(name = "lifted_by")
    public String liftedBy;

    public boolean allTeams() {
        return team == null;
    }

    /** In force at {@code t}: started, not ended, not lifted. */
    public boolean activeAt(Instant t) {
        return liftedAt == null && !startsAt.isAfter(t) && endsAt.isAfter(t);
    }

    /** Freezes of {@code team} or of every team in force at {@code t}, the longest first. */
    public static List<Freeze> activeFor(Team team, Instant t) {
        return list("(team is null or team = ?1) and liftedAt is null and startsAt <= ?2 and endsAt > ?2"
                + " order by endsAt desc, id", team, t);
    }

    /** Freezes of {@code team} or of every team not lifted and not over at {@code t} (running or to come), soonest first. */
    public static List<Freeze> currentOrComingFor(Team team, Instant t) {
        return list("(team is null or team = ?1) and liftedAt is null and endsAt > ?2 order by startsAt, id", team, t);
    }

    /** Every freeze not lifted and not over at {@code t}, soonest first (admins' view). */
    public static List<Freeze> currentOrComing(Instant t) {
        return list("liftedAt is null and endsAt > ?1 order by startsAt, id", t);
    }

    /** Every freeze in force at {@code t}, the soonest to end first (admins' banner). */
    public static List<Freeze> inForceAt(Instant t) {
        return list("liftedAt is null and startsAt <= ?1 and endsAt > ?1 order by endsAt", t);
    }

    /** Freezes in force at {@code t} that concern any of {@code teams} or every team. */
    public static List<Freeze> activeForAny(List<Team> teams, Instant t) {
        if (teams.isEmpty()) {
            return list("team is null and liftedAt is null and startsAt <= ?1 and endsAt > ?1 order by endsAt", t);
        }
        return list("(team is null or team in ?1) and liftedAt is null and startsAt <= ?2 and endsAt > ?2"
                + " order by endsAt", teams, t);
    }

    /** Who it concerns, in words. */
    public String scope() {
        return team == null ? "every team" : "team " + team.name;
    }
}
