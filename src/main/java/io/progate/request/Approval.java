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

    /** The decisions on several requests, with their approvers, in one query. */
    public static List<Approval> ofAll(List<Long> requestIds) {
        return requestIds.isEmpty() ? List.of()
                : list("select a from Approval a join fetch a.approver where a.request.id in ?1 order by a.id", requestIds);
    }

    public static Optional<Approval> by(ReleaseRequest request, User user) {
        return find("request = ?1 and approver = ?2", request, user).firstResultOptional();
    }

    public static long approvalsOf(ReleaseRequest request) {
        return count("request = ?1 and decision = ?2", request, Decision.APPROVE);
    }
}
