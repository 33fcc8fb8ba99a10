package io.progate.request;

import io.progate.account.User;
import io.progate.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.query.NativeQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One person's decision on a request; a person decides a request at most once. */
@Entity
@Table(name = "request_approval")
public class Approval extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    public ReleaseRequest request;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "approver_id")
    public User approver;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Decision decision;

    public String comment;

    public static List<Approval> of(ReleaseRequest request) {
        return list("select a from Approval a join fetch a.approver where a.request = ?1 order by a.id", request);
    }

    /** A decision as lists show it, with the request it is on. */
    public record Row(long requestId, String approver, String displayName, Decision decision, String comment,
            Instant at) {
    }

    /**
     * The decisions on several requests in one statement. The ids travel as one array parameter: an
     * {@code in} list of parameters would make Hibernate translate the query again on every call.
     */
    public static List<Row> ofAll(List<Long> requestIds) {
        if (requestIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(
                "select a.request_id, u.username, u.display_name, a.decision, a.comment, a.created_at"
                        + " from request_approval a join app_user u on u.id = a.approver_id"
                        + " where a.request_id = any(:ids) order by a.id")
                .unwrap(NativeQuery.class)
                .addScalar("request_id", Long.class).addScalar("username", String.class)
                .addScalar("display_name", String.class).addScalar("decision", String.class)
                .addScalar("comment", String.class).addScalar("created_at", Instant.class)
                .setParameter("ids", requestIds.toArray(Long[]::new))
                .getResultList();
        return rows.stream().map(r -> new Row((Long) r[0], (String) r[1], (String) r[2], Decision.valueOf((String) r[3]),
                (String) r[4], (Instant) r[5])).toList();
    }

    public static Optional<Approval> by(ReleaseRequest request, User user) {
        return find("request = ?1 and approver = ?2", request, user).firstResultOptional();
    }

    public static long approvalsOf(ReleaseRequest request) {
        return count("request = ?1 and decision = ?2", request, Decision.APPROVE);
    }
}
