package io.progate.schedule;

import io.progate.account.User;
import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.common.ConflictException;
import io.progate.common.Validator;
import io.progate.team.Team;
import io.progate.team.TeamService;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Declares and lifts freezes. Admins freeze one team or every team; approvers of a team freeze their
 * team. Lifting is for the same people; both are audited. Requests held by a lifted freeze are
 * released by the execution sweep (it looks for them), so lifting needs no further step here.
 */
@ApplicationScoped
public class FreezeService {

    public static final int MAX_REASON = 500;
    static final Duration MAX_LENGTH = Duration.ofDays(366);

    @Inject
    TeamService teams;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** A freeze as asked: start (ISO-8601 instant; empty: now), end (ISO-8601 instant), reason. */
    public record FreezeInput(String startsAt, String endsAt, String reason) {
    }

    /** Who may declare or lift a freeze of {@code team} (null: every team). */
    public boolean mayFreeze(Team team, User user) {
        return user.admin || (team != null && teams.isApprover(team, user));
    }

    /** Freezes of the team (and of every team) running or to come. */
    @Transactional
    public List<Freeze> ofTeam(String slug, User user) {
        return Freeze.currentOrComingFor(teams.require(slug, user), clock.instant());
    }

    /** Every freeze running or to come (admins). */
    @Transactional
    public List<Freeze> all() {
        return Freeze.currentOrComing(clock.instant());
    }

    /** Declares a freeze of team {@code slug}, or of every team when {@code slug} is null (admins only). */
    @Transactional
    public Freeze declare(String slug, User user, FreezeInput input) {
        Team team = slug == null ? null : teams.require(slug, user);
        if (!mayFreeze(team, user)) {
            throw new ForbiddenException(team == null ? "only admins freeze every team"
                    : "only approvers of the team and admins freeze it");
        }
        Instant now = clock.instant();
        Validator v = new Validator();
        String reason = input == null || input.reason() == null ? null : input.reason().trim();
        v.require("reason", reason, "A reason").maxLength("reason", reason, MAX_REASON);
        Instant starts = input == null || input.startsAt() == null || input.startsAt().isBlank() ? now
                : instant(v, "startsAt", input.startsAt());
        Instant ends = input == null ? null : instant(v, "endsAt", input.endsAt());
        v.throwIfInvalid();
        v.check(ends.isAfter(starts), "endsAt", "after the start")
                .check(ends.isAfter(now), "endsAt", "in the future")
                .check(!ends.isAfter(starts.plus(MAX_LENGTH)), "endsAt", "at most a year after the start")
                .throwIfInvalid();
        Freeze f = new Freeze();
        f.team = team;
        f.startsAt = starts;
        f.endsAt = ends;
        f.reason = reason;
        f.createdBy = user.username;
        f.createdAt = now;
        f.persist();
        Map<String, Object> details = describe(f);
        details.put("reason", reason);
        audit.record(AuditRecord.of("freeze.declare", "freeze", f.id.toString()).team(team == null ? null : team.id)
                .details(details));
        return f;
    }

    /** Lifts a freeze before its end: audited; the requests it held are released by the next sweep. */
    @Transactional
    public Freeze lift(long id, User user) {
        Freeze f = Freeze.<Freeze>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException("no such freeze"));
        if (f.team != null) {
            teams.require(f.team.slug, user);
        }
        if (!mayFreeze(f.team, user)) {
            throw new ForbiddenException(f.team == null ? "only admins lift a freeze of every team"
                    : "only approvers of the team and admins lift its freeze");
        }
        Instant now = clock.instant();
        if (f.liftedAt != null || !f.endsAt.isAfter(now)) {
            throw new ConflictException("the freeze is already " + (f.liftedAt != null ? "lifted" : "over"));
        }
        f.liftedAt = now;
        f.liftedBy = user.username;
        Map<String, Object> details = describe(f);
        details.put("liftedAt", now.toString());
        audit.record(AuditRecord.of("freeze.lift", "freeze", f.id.toString()).team(f.team == null ? null : f.team.id)
                .details(details));
        return f;
    }

    private static Map<String, Object> describe(Freeze f) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("scope", f.team == null ? "all teams" : f.team.slug);
        details.put("startsAt", f.startsAt.toString());
        details.put("endsAt", f.endsAt.toString());
        return details;
    }

    private static Instant instant(Validator v, String field, String text) {
        if (text == null || text.isBlank()) {
            v.check(false, field, "a time is required");
            return null;
        }
        return Times.parse(text).orElseGet(() -> {
            v.check(false, field, "a time such as 2026-12-24T18:00:00Z (without an offset: UTC)");
            return null;
        });
    }
}
