package io.progate.ownership;

import io.progate.common.BaseEntity;
import io.progate.team.Team;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;

/**
 * App names one team owns: an exact name or, with {@code prefix}, every name that starts with
 * {@code pattern}. The database refuses a claim that overlaps another team's (V17's trigger).
 */
@Entity
@Table(name = "app_claim")
public class AppClaim extends BaseEntity {

    @Version
    public long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id")
    public Team team;

    /** The name, or the prefix without its {@code *}. */
    @Column(nullable = false)
    public String pattern;

    @Column(nullable = false)
    public boolean prefix;

    /** The admin who assigned it, or {@link #BY_PUBLISH} for a team's first publish. */
    @Column(name = "claimed_by", nullable = false)
    public String claimedBy;

    public static final String BY_PUBLISH = "publish";

    /** The claims naming {@code name}: at most one team's (the database sees to that). */
    public static List<AppClaim> naming(String name) {
        return list("select c from AppClaim c join fetch c.team where (c.prefix = false and lower(c.pattern) = lower(?1))"
                + " or (c.prefix = true and substring(lower(?1), 1, length(c.pattern)) = lower(c.pattern))", name);
    }

    public static List<AppClaim> ofTeam(Team team) {
        return list("team = ?1 order by lower(pattern)", team);
    }

    public static List<AppClaim> all() {
        return list("select c from AppClaim c join fetch c.team order by lower(c.pattern), c.id");
    }

    /** As people write it: the name, or the prefix followed by {@code *}. */
    public String display() {
        return prefix ? pattern + "*" : pattern;
    }

    @Override
    public String toString() {
        return "AppClaim[" + display() + " " + (team == null ? null : team.slug) + "]";
    }
}
