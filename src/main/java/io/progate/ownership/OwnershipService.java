package io.progate.ownership;

import io.progate.account.User;
import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.common.ConflictException;
import io.progate.common.InvalidInputException;
import io.progate.common.Validator;
import io.progate.team.AppPattern;
import io.progate.team.Team;
import io.progate.team.TeamService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Which team owns which app names. A team's requests for a name another team owns are refused; a
 * publish of a name nobody owns claims it for the publishing team, in the transaction that files
 * the request. Admins assign, transfer and release names. Overlaps between teams are refused by the
 * database (V17), which also orders racing claims; the refusal comes back as a clear error.
 */
@ApplicationScoped
public class OwnershipService {

    /** PostgreSQL's SQLSTATE for the trigger's refusal of an overlap, and for a duplicate name. */
    private static final String OVERLAP = "23P01";
    private static final String DUPLICATE = "23505";

    @Inject
    OwnershipConfig config;

    @Inject
    TeamService teams;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    /** What a team's page or the API says about one app name. */
    public enum Owner {
        /** The team owns it. */
        TEAM,
        /** Another team owns it: read-only for this team. */
        OTHER,
        /** Nobody owns it yet. */
        NOBODY
    }

    /** A claim as the API shows it. */
    public record ClaimView(long id, String name, boolean prefix, String team, String claimedBy,
            java.time.Instant createdAt) {

        static ClaimView of(AppClaim c) {
            return new ClaimView(c.id, c.display(), c.prefix, c.team.slug, c.claimedBy, c.createdAt);
        }
    }

    /**
     * Admits a request of {@code team} for the app {@code name} in the caller's transaction, or
     * refuses it on {@code field} when another team owns the name. With {@code claim} (a publish)
     * and nobody owning the name, claims it for the team (when so configured), audited; a racing
     * claim of another team is refused the same way.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void admit(Team team, String field, String name, boolean claim) {
        List<AppClaim> owners = AppClaim.naming(name);
        if (owners.stream().anyMatch(c -> !c.team.id.equals(team.id))) {
            throw notYours(field, name);
        }
        if (!owners.isEmpty() || !claim || !config.claimOnPublish()) {
            return;
        }
        int inserted;
        try {
            inserted = em.createNativeQuery("insert into app_claim (team_id, pattern, prefix, claimed_by, created_at)"
                    + " values (?1, ?2, false, ?3, now()) on conflict ((lower(pattern)), prefix) do nothing")
                    .setParameter(1, team.id).setParameter(2, name).setParameter(3, AppClaim.BY_PUBLISH).executeUpdate();
        } catch (PersistenceException e) {
            if (OVERLAP.equals(sqlState(e))) {
                throw notYours(field, name);
            }
            throw e;
        }
        if (inserted == 1) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("name", name);
            details.put("team", team.slug);
            details.put("by", AppClaim.BY_PUBLISH);
            audit.record(AuditRecord.of("ownership.claim", "app", name).team(team.id).details(details));
        }
    }

    private static InvalidInputException notYours(String field, String name) {
        return new InvalidInputException(field, name + " belongs to another team, so only that team files its requests;"
                + " an admin can transfer the name");
    }

    /** Whether {@code team} owns {@code name}, another team does, or nobody; {@code claims} as read by {@link #claims()}. */
    public static Owner ownerOf(Team team, String name, List<AppClaim> claims) {
        for (AppClaim c : claims) {
            if (AppPattern.matches(c.display(), name)) {
                return c.team.id.equals(team.id) ? Owner.TEAM : Owner.OTHER;
            }
        }
        return Owner.NOBODY;
    }

    /** Every claim, by name. */
    @Transactional
    public List<AppClaim> claims() {
        return AppClaim.all();
    }

    @Transactional
    public List<ClaimView> views() {
        return AppClaim.all().stream().map(ClaimView::of).toList();
    }

    /** The names {@code team} owns, for its members. */
    @Transactional
    public List<ClaimView> ofTeam(String slug, User user) {
        Team team = teams.require(slug, user);
        return AppClaim.ofTeam(team).stream().map(ClaimView::of).toList();
    }

    /** An admin gives {@code name} (an exact name or a prefix ending in {@code *}) to a team. */
    public ClaimView assign(String name, String teamSlug, User admin) {
        String pattern = name == null ? null : name.trim();
        new Validator().require("name", pattern, "The app name or prefix")
                .check(pattern == null || pattern.isEmpty() || AppPattern.valid(pattern), "name",
                        "an app name, or a prefix ending in * such as Planning-*")
                .require("team", teamSlug, "The team").throwIfInvalid();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", pattern);
        details.put("team", teamSlug);
        return audited("ownership.assign", pattern, details, admin, () -> {
            Team team = Team.bySlug(teamSlug).orElseThrow(() -> new InvalidInputException("team", "no such team"));
            AppClaim c = new AppClaim();
            c.team = team;
            c.prefix = AppPattern.isPrefix(pattern);
            c.pattern = AppPattern.stem(pattern);
            c.claimedBy = admin.username;
            write(pattern, c::persist);
            audit.record(AuditRecord.of("ownership.assign", "app", c.display()).team(team.id).details(details));
            return ClaimView.of(c);
        });
    }

    /** An admin moves a claim to another team. */
    public ClaimView transfer(long id, String teamSlug, User admin) {
        new Validator().require("team", teamSlug, "The team").throwIfInvalid();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("to", teamSlug);
        return audited("ownership.transfer", Long.toString(id), details, admin, () -> {
            AppClaim c = locked(id);
            Team to = Team.bySlug(teamSlug).orElseThrow(() -> new InvalidInputException("team", "no such team"));
            details.put("name", c.display());
            details.put("from", c.team.slug);
            c.team = to;
            c.claimedBy = admin.username;
            write(c.display(), () -> { });
            audit.record(AuditRecord.of("ownership.transfer", "app", c.display()).team(to.id).details(details));
            return ClaimView.of(c);
        });
    }

    /** An admin releases a claim: the name is nobody's until assigned or published again. */
    public void release(long id, User admin) {
        Map<String, Object> details = new LinkedHashMap<>();
        audited("ownership.release", Long.toString(id), details, admin, () -> {
            AppClaim c = locked(id);
            details.put("name", c.display());
            details.put("team", c.team.slug);
            c.delete();
            audit.record(AuditRecord.of("ownership.release", "app", c.display()).team(c.team.id).details(details));
            return null;
        });
    }

    /** Approvers of the team and admins choose whether its apps page hides other teams' apps. */
    @Transactional
    public void setHideOtherApps(String slug, User user, boolean hide) {
        Team team = teams.require(slug, user);
        if (!user.admin && !teams.isApprover(team, user)) {
            throw new ForbiddenException("only approvers of the team and admins change what its apps page shows");
        }
        if (team.hideOtherApps != hide) {
            team.hideOtherApps = hide;
            audit.record(AuditRecord.of("team.apps-view", "team", team.slug).team(team.id)
                    .details(Map.of("hideOtherApps", hide)));
        }
    }

    private static AppClaim locked(long id) {
        AppClaim c = AppClaim.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw new NotFoundException("no such app owner");
        }
        return c;
    }

    /** Runs {@code change} and flushes it, so that the database's refusal of an overlap comes back as a conflict. */
    private void write(String name, Runnable change) {
        try {
            change.run();
            em.flush();
        } catch (PersistenceException e) {
            String state = sqlState(e);
            if (OVERLAP.equals(state)) {
                throw new ConflictException(firstLine(e));
            }
            if (DUPLICATE.equals(state)) {
                throw new ConflictException(name + " is already assigned");
            }
            throw e;
        }
    }

    /**
     * Runs an admin's change in a transaction of its own; a refusal (a conflict, bad input) changes
     * nothing and is audited as a failure in another transaction before it is answered.
     */
    private <T> T audited(String action, String target, Map<String, Object> details, User admin, Supplier<T> change) {
        try {
            return QuarkusTransaction.requiringNew().call(change::get);
        } catch (ConflictException | InvalidInputException | NotFoundException e) {
            Map<String, Object> refused = new LinkedHashMap<>(details);
            refused.put("refused", e instanceof ConflictException ? e.getMessage() : "invalid or unknown");
            QuarkusTransaction.requiringNew().run(() -> audit.record(AuditRecord.of(action, "app", target)
                    .actor(admin.username).details(refused).failure()));
            throw e;
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return ((SQLException) t).getSQLState();
            }
        }
        return null;
    }

    /** The database's message of the refusal, without the "ERROR:" and where it was raised. */
    private static String firstLine(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                String line = t.getMessage().split("\n")[0];
                return line.startsWith("ERROR: ") ? line.substring(7) : line;
            }
        }
        return "the name overlaps a name another team owns";
    }
}
