package io.progate.request;

import io.progate.account.User;
import io.progate.common.BaseEntity;
import io.progate.common.ConflictException;
import io.progate.common.Paging;
import io.progate.packages.RequestPackage;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import org.hibernate.jpa.HibernateHints;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/**
 * A change a team member asks PRO to make. Content, package hash and the policy in force are fixed
 * when it is filed; afterwards only its status (through {@link RequestStatus}) and outcome change.
 */
@Entity
@Table(name = "release_request")
public class ReleaseRequest extends BaseEntity {

    private static final String WAITING_FOR = "from ReleaseRequest r where r.status = :pending and r.author <> :user"
            + " and not exists (select a.id from Approval a where a.request = r and a.approver = :user)"
            + " and (exists (select m.id from Membership m where m.team = r.team and m.user = :user and m.role = :approver)"
            + " or (:admin = true and r.adminsMayApprove = true))";

    /** A request with what every list shows of it, read in the same query. */
    private static final String FETCHED = "from ReleaseRequest r join fetch r.team join fetch r.author"
            + " left join fetch r.pkg left join fetch r.icon";
    private static final String LIST = "select r " + FETCHED;

    @Version
    public long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id")
    public Team team;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    public User author;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestStatus status;

    @Column(nullable = false)
    public String reason;

    @Column(name = "app_name", nullable = false)
    public String appName;

    @Column(name = "app_version", nullable = false)
    public String appVersion;

    /** The exact body sent to PRO, as JSON: publish metadata, the update's fields, or {@code {}} for a delete. */
    @Column(nullable = false)
    public String payload;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "package_id")
    public RequestPackage pkg;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "icon_id")
    public RequestPackage icon;

    @Column(name = "required_approvals", nullable = false)
    public int requiredApprovals;

    @Column(name = "admins_may_approve", nullable = false)
    public boolean adminsMayApprove;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** What execution reported (JSON), once it has run. */
    public String outcome;

    /**
     * For a publish: whether PRO listed the chosen AIMMS version as an official release or only as a
     * development build ({@code OFFICIAL}, {@code DEVELOPMENT}); null when PRO could not be asked.
     */
    @Column(name = "aimms_build")
    public String aimmsBuild;

    /** The earliest start its author asked for; null: as soon as it may. */
    @Column(name = "not_before")
    public Instant notBefore;

    /** While SCHEDULED: when it is looked at again (a window opens, a freeze ends, its start time comes). */
    @Column(name = "scheduled_until")
    public Instant scheduledUntil;

    /** While SCHEDULED: why it waits, in words. */
    @Column(name = "scheduled_why")
    public String scheduledWhy;

    /** While SCHEDULED because of a freeze: the freeze's id (lifting it releases the request at once). */
    @Column(name = "held_by_freeze")
    public Long heldByFreeze;

    /** Who broke the glass on this request (username); null when nobody did. */
    @Column(name = "break_glass_by")
    public String breakGlassBy;

    @Column(name = "break_glass_at")
    public Instant breakGlassAt;

    @Column(name = "break_glass_reason")
    public String breakGlassReason;

    /** Who reviewed the break-glass afterwards (username), when and what they said. */
    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "review_comment")
    public String reviewComment;

    public boolean isBreakGlass() {
        return breakGlassAt != null;
    }

    /** Broken glass nobody has reviewed yet. */
    public boolean awaitsReview() {
        return breakGlassAt != null && reviewedAt == null;
    }

    /**
     * The rule for routine changes that set {@link #requiredApprovals} when the request was filed
     * ("rule 2: metadata-only updates: 1 approval"); null when the policy's own numbers applied.
     */
    @Column(name = "approval_rule")
    public String approvalRule;

    /** Moves to {@code target} if the state machine allows it; 409 otherwise. */
    public void moveTo(RequestStatus target, Instant at) {
        if (!status.canMoveTo(target)) {
            throw new ConflictException("request " + id + " is " + status + " and cannot become " + target);
        }
        status = target;
        updatedAt = at;
        if (target == RequestStatus.APPROVED || target == RequestStatus.REJECTED || target == RequestStatus.CANCELLED
                || target == RequestStatus.EXPIRED) {
            decidedAt = at;
        }
        finishedAt = target.isFinished() ? at : null;
        if (target != RequestStatus.SCHEDULED) {
            scheduledUntil = null;
            scheduledWhy = null;
            heldByFreeze = null;
        }
    }

    /** SCHEDULED requests due to be looked at again at {@code now}: their time came, or their freeze was lifted. */
    public static List<ReleaseRequest> scheduledDueAt(Instant now) {
        return list("status = ?1 and (scheduledUntil <= ?2 or heldByFreeze in"
                + " (select f.id from Freeze f where f.liftedAt is not null)) order by scheduledUntil, id",
                RequestStatus.SCHEDULED, now);
    }

    /** One page of the break-glass requests nobody has reviewed yet that {@code user} sees, oldest first. */
    public static Paging.Page<ReleaseRequest> awaitingReview(User user, Paging paging) {
        Parameters params = Parameters.with("user", user).and("admin", user.admin)
                .and("cursor", paging.cursor() == null ? 0L : paging.cursor());
        List<ReleaseRequest> rows = find(LIST + " where r.breakGlassAt is not null and r.reviewedAt is null"
                + " and (:admin = true or exists (select m.id from Membership m where m.team = r.team and m.user = :user))"
                + " and r.id > :cursor order by r.id", params).range(0, paging.limit()).list();
        return paging.page(rows, r -> r.id);
    }

    /** How many break-glass requests {@code user} sees that nobody has reviewed yet. */
    public static long countAwaitingReview(User user) {
        return find("select count(r) from ReleaseRequest r where r.breakGlassAt is not null and r.reviewedAt is null"
                + " and (:admin = true or exists (select m.id from Membership m where m.team = r.team and m.user = :user))",
                Parameters.with("user", user).and("admin", user.admin)).project(Long.class).firstResult();
    }

    /** APPROVED requests, oldest first: the execution worker's queue. */
    public static List<ReleaseRequest> approved() {
        return list("status = ?1 order by updatedAt, id", RequestStatus.APPROVED);
    }

    /**
     * The last publish of {@code appName} (version {@code appVersion}, or any other than {@code otherThan} when
     * null) that ProGate carried out for the team, with its package: the base of a new version's model diff.
     */
    public static java.util.Optional<ReleaseRequest> lastPublished(Team team, String appName, String appVersion,
            String otherThan) {
        Parameters params = Parameters.with("team", team).and("type", RequestType.PUBLISH)
                .and("done", RequestStatus.SUCCEEDED).and("app", appName);
        String query = "select r from ReleaseRequest r join fetch r.pkg where r.team = :team and r.type = :type"
                + " and r.status = :done and r.appName = :app";
        if (appVersion != null) {
            query += " and r.appVersion = :version";
            params.and("version", appVersion);
        } else {
            query += " and r.appVersion <> :other";
            params.and("other", otherThan);
        }
        return find(query + " order by r.finishedAt desc, r.id desc", params).firstResultOptional();
    }

    /** PENDING requests whose time ran out at {@code now}. */
    public static List<ReleaseRequest> pendingExpiredAt(Instant now) {
        return list("status = ?1 and expiresAt <= ?2 order by id", RequestStatus.PENDING, now);
    }

    /** Finished requests that still hold package content and finished before {@code cutoff}. */
    public static List<ReleaseRequest> withPackagesFinishedBefore(Instant cutoff) {
        return list("select r from ReleaseRequest r left join r.pkg p left join r.icon i where r.finishedAt < ?1"
                + " and ((p is not null and p.purgedAt is null) or (i is not null and i.purgedAt is null))", cutoff);
    }

    /** One page of the PENDING requests {@code user} may decide, oldest first (keyset by id). */
    public static Paging.Page<ReleaseRequest> waitingFor(User user, Paging paging) {
        Parameters params = waitingParams(user).and("cursor", paging.cursor() == null ? 0L : paging.cursor());
        List<ReleaseRequest> rows = find("select r " + WAITING_FOR.replace("from ReleaseRequest r", FETCHED)
                + " and r.id > :cursor order by r.id", params).range(0, paging.limit()).list();
        return paging.page(rows, r -> r.id);
    }

    public static long countWaitingFor(User user) {
        return find("select count(r) " + WAITING_FOR, waitingParams(user)).project(Long.class).firstResult();
    }

    private static Parameters waitingParams(User user) {
        return Parameters.with("pending", RequestStatus.PENDING).and("user", user)
                .and("approver", TeamRole.APPROVER).and("admin", user.admin);
    }

    /**
     * One page of a list, newest first, keyset by id: a single query that fetches each row's team, author
     * and files with it (indexes of V6 and V14 that end in {@code id}).
     */
    public static Paging.Page<ReleaseRequest> search(RequestFilter filter) {
        StringBuilder query = new StringBuilder(LIST + " where 1 = 1");
        Parameters params = new Parameters();
        if (filter.teamId() != null) {
            query.append(" and r.team.id = :team");
            params.and("team", filter.teamId());
        }
        if (filter.authorId() != null) {
            query.append(" and r.author.id = :author");
            params.and("author", filter.authorId());
        }
        if (filter.status() != null) {
            query.append(" and r.status = :status");
            params.and("status", filter.status());
        }
        if (filter.type() != null) {
            query.append(" and r.type = :type");
            params.and("type", filter.type());
        }
        Paging paging = filter.paging();
        if (paging.cursor() != null) {
            query.append(" and r.id < :cursor");
            params.and("cursor", paging.cursor());
        }
        // read-only: a list never changes its rows, so Hibernate keeps no copy of them to compare at flush
        List<ReleaseRequest> rows = find(query + " order by r.id desc", params).withHint(HibernateHints.HINT_READ_ONLY, true)
                .range(0, paging.limit()).list();
        return paging.page(rows, r -> r.id);
    }

    /** The newest {@code limit} requests of {@code author} that have not ended (for the dashboard), with team and author. */
    public static List<ReleaseRequest> openBy(User author, int limit) {
        return find(LIST + " where r.author = ?1 and r.status in ?2 order by r.id desc", author,
                List.of(RequestStatus.PENDING, RequestStatus.APPROVED, RequestStatus.EXECUTING)).range(0, limit - 1).list();
    }

    /** The {@code limit} requests of these teams that ended last (for the dashboard), with team and author. */
    public static List<ReleaseRequest> recentlyFinished(java.util.Collection<Long> teamIds, int limit) {
        if (teamIds.isEmpty()) {
            return List.of();
        }
        return find(LIST + " where r.team.id in ?1 and r.finishedAt is not null order by r.finishedAt desc, r.id desc",
                teamIds).range(0, limit - 1).list();
    }

    /** Requests per team, week (Monday, UTC) and status, filed since {@code since}: one grouped query. */
    public record WeekCount(long teamId, java.time.LocalDate week, RequestStatus status, long count) {
    }

    @SuppressWarnings("unchecked")
    public static List<WeekCount> perWeek(java.util.Collection<Long> teamIds, Instant since) {
        if (teamIds.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = getEntityManager().createNativeQuery("select team_id,"
                + " cast(date_trunc('week', created_at at time zone 'UTC') as date), status, count(*)"
                + " from release_request where team_id in (?1) and created_at >= ?2 group by 1, 2, 3")
                .setParameter(1, teamIds).setParameter(2, since).getResultList();
        return rows.stream().map(row -> new WeekCount(((Number) row[0]).longValue(), toDate(row[1]),
                RequestStatus.valueOf((String) row[2]), ((Number) row[3]).longValue())).toList();
    }

    private static java.time.LocalDate toDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) value;
    }

    @Override
    public String toString() {
        return "ReleaseRequest[" + id + " " + type + " " + appName + " " + appVersion + " " + status + "]";
    }
}
