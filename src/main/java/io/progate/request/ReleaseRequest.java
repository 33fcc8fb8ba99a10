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
    }

    /** APPROVED requests, oldest first: the execution worker's queue. */
    public static List<ReleaseRequest> approved() {
        return list("status = ?1 order by updatedAt, id", RequestStatus.APPROVED);
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
        if (filter.team() != null) {
            query.append(" and r.team = :team");
            params.and("team", filter.team());
        }
        if (filter.author() != null) {
            query.append(" and r.author = :author");
            params.and("author", filter.author());
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
        List<ReleaseRequest> rows = find(query + " order by r.id desc", params).range(0, paging.limit()).list();
        return paging.page(rows, r -> r.id);
    }

    @Override
    public String toString() {
        return "ReleaseRequest[" + id + " " + type + " " + appName + " " + appVersion + " " + status + "]";
    }
}
