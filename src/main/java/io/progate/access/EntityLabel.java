package io.progate.access;

import io.progate.common.BaseEntity;
import io.progate.common.Paging;
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
import java.util.Optional;

/** A team's name for a PRO entity id, for accounts whose user manager does not say which id is whose. */
@Entity
@Table(name = "entity_label")
public class EntityLabel extends BaseEntity {

    @Version
    public long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id", updatable = false)
    public Team team;

    @Column(name = "entity_id", nullable = false, updatable = false)
    public long entityId;

    @Column(nullable = false)
    public String label;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A page of the team's labels by entity id, after the entity id that is the cursor (index entity_label_uk). */
    public static Paging.Page<EntityLabel> pageOf(long teamId, Paging paging) {
        long after = paging.cursor() == null ? 0 : paging.cursor();
        List<EntityLabel> rows = find("team.id = ?1 and entityId > ?2 order by entityId", teamId, after)
                .range(0, paging.limit()).list();
        return paging.page(rows, l -> l.entityId);
    }

    public static List<EntityLabel> ofTeam(long teamId) {
        return list("team.id = ?1 order by entityId", teamId);
    }

    public static Optional<EntityLabel> of(long teamId, long entityId) {
        return find("team.id = ?1 and entityId = ?2", teamId, entityId).firstResultOptional();
    }
}
