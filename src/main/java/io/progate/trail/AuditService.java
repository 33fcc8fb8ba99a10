package io.progate.trail;

import io.progate.account.User;
import io.progate.audit.AuditEntry;
import io.progate.audit.AuditFilter;
import io.progate.audit.AuditLog;
import io.progate.audit.AuditPage;
import io.progate.audit.AuditParams;
import io.progate.audit.AuditSearch;
import io.progate.audit.Outcome;
import io.progate.common.FieldError;
import io.progate.common.InvalidInputException;
import io.progate.common.Paging;
import io.progate.team.MyTeams;
import io.progate.team.TeamService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who may read which events, and turning search parameters into a filter. Admins see every event;
 * everyone else sees the events of their own teams only, never team-less ones (sign-ins, users).
 */
@ApplicationScoped
public class AuditService {

    @Inject
    TeamService teams;

    @Inject
    AuditSearch search;

    @Inject
    MyTeams myTeams;

    /** The events {@code user} may see that match {@code params}; 404 for a team they may not see. */
    public AuditFilter filterFor(User user, AuditParams params) {
        List<FieldError> errors = new ArrayList<>();
        Long teamId = AuditParams.value(params.team) == null ? null : teams.require(params.team.trim(), user).id;
        Instant from = instant("from", params.from, false, errors);
        Instant to = instant("to", params.to, true, errors);
        Outcome outcome = outcome(params.outcome, errors);
        Long before = cursor(params.cursor, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new AuditFilter(user.admin ? null : myTeams.memberOf(user), teamId, AuditParams.value(params.actor),
                AuditParams.value(params.action), AuditParams.value(params.targetType),
                AuditParams.value(params.targetId), outcome, from, to, AuditParams.value(params.q), before);
    }

    /** The page size asked for: 1 to {@value AuditSearch#MAX_LIMIT}, {@value AuditSearch#DEFAULT_LIMIT} if not given. */
    public int limit(AuditParams params) {
        return Paging.limit(AuditParams.value(params.limit));
    }

    public AuditPage page(User user, AuditParams params) {
        return search.page(filterFor(user, params), limit(params));
    }

    /**
     * The story of one target, oldest first, for its own page (render it with the
     * {@code auditTrail} tag). The caller has already checked that the user may see the target.
     */
    public List<AuditEntry> trailOf(String targetType, String targetId) {
        return search.trailOf(targetType, targetId);
    }

    /** The story of one target as sentences, oldest first (see {@link #trailOf}). */
    public List<StoryLine> storyOf(String targetType, String targetId) {
        return story(trailOf(targetType, targetId));
    }

    /**
     * The events as sentences ({@link AuditSentences}), with each actor's display name: one query for all
     * the actors of the list, whatever its length.
     */
    public List<StoryLine> story(List<AuditEntry> events) {
        Set<String> actors = new HashSet<>();
        events.forEach(e -> actors.add(e.actor()));
        Map<String, String> names = new HashMap<>();
        if (!actors.isEmpty()) {
            User.<User>list("username in ?1", actors).forEach(u -> names.put(u.username, u.displayName));
        }
        names.put(AuditLog.SYSTEM, "ProGate");
        return events.stream().map(e -> new StoryLine(e, AuditSentences.of(e,
                names.getOrDefault(e.actor(), e.actor())))).toList();
    }

    /** The first event id a verification starts at: null for the whole chain. */
    public static Long fromId(String raw) {
        List<FieldError> errors = new ArrayList<>();
        Long id = positive("from", AuditParams.value(raw), "an event id", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return id;
    }

    private static Instant instant(String field, String raw, boolean endOfDay, List<FieldError> errors) {
        String value = AuditParams.value(raw);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "a date (2026-01-31) or an instant (2026-01-31T12:00:00Z)"));
            return null;
        }
    }

    private static Outcome outcome(String raw, List<FieldError> errors) {
        String value = AuditParams.value(raw);
        if (value == null) {
            return null;
        }
        try {
            return Outcome.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("outcome", "SUCCESS or FAILURE"));
            return null;
        }
    }

    private static Long cursor(String raw, List<FieldError> errors) {
        return positive("cursor", AuditParams.value(raw), "the nextCursor of a previous page", errors);
    }

    private static Long positive(String field, String value, String message, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        errors.add(new FieldError(field, message));
        return null;
    }
}
