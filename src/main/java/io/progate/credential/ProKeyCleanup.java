package io.progate.credential;

import io.progate.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;

/** A key a rotation left in PRO (created but not deleted again, or an old key not deleted), with the reason. */
@Entity
@Table(name = "pro_key_cleanup")
public class ProKeyCleanup extends BaseEntity {

    @Column(name = "team_id", nullable = false)
    public long teamId;

    @Column(name = "credential_id")
    public Long credentialId;

    @Column(name = "pro_name", nullable = false)
    public String proName;

    @Column(nullable = false)
    public String reason;

    @Column(name = "resolved_at")
    public java.time.Instant resolvedAt;

    public static List<ProKeyCleanup> openOf(long teamId) {
        return list("teamId = ?1 and resolvedAt is null order by id desc", teamId);
    }
}
