package io.progate.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One line of the audit log. Rows are only ever inserted; the database refuses changes. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(name = "source_ip", updatable = false)
    public String sourceIp;

    @Column(name = "team_id", updatable = false)
    public Long teamId;

    @Column(nullable = false, updatable = false)
    public String action;

    @Column(name = "target_type", nullable = false, updatable = false)
    public String targetType;

    @Column(name = "target_id", nullable = false, updatable = false)
    public String targetId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Outcome outcome;

    /** Canonical JSON (keys sorted), as hashed. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    public String details;

    @Column(name = "prev_hash", nullable = false, updatable = false, columnDefinition = "bpchar(64)")
    public String prevHash;

    @Column(nullable = false, updatable = false, columnDefinition = "bpchar(64)")
    public String hash;
}
