package io.progate.team;

import io.progate.account.User;
import io.progate.common.BaseEntity;
import io.progate.common.Paging;
import io.quarkus.panache.common.Parameters;
import io.progate.common.ReadCacheInvalidation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;
import java.util.Optional;

/** A team and the PRO account its apps live in. */
@Entity
@EntityListeners(ReadCacheInvalidation.class)
@Table(name = "team")
public class Team extends BaseEntity {

    @Version
    public long version;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    /** The PRO account URL, such as {@code https://acme.aimms.cloud}; API paths are appended to it. */
    @Column(name = "pro_url", nullable = false)
    public String proUrl;

    /** Days before expiry at which keys with the APIKey scope rotate themselves through PRO; null: never. */
    @Column(name = "key_rotation_days")
    public Integer keyRotationDays = DEFAULT_KEY_ROTATION_DAYS;

    public static final int DEFAULT_KEY_ROTATION_DAYS = 14;

    /** Whether the team's apps page hides apps other teams own (else it lists them read-only). */
    @Column(name = "hide_other_apps", nullable = false)
    public boolean hideOtherApps;

    public static Optional<Team> bySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static List<Team> allByName() {
        return list("order by name");
    }

    /**
     * A page of teams by name (then id) after the team whose id is the cursor: every team, or those
     * {@code member} belongs to (index team_name_ix; a member's teams are read through team_member_user_ix).
     */
    public static Paging.Page<Team> page(User member, Paging paging) {
        StringBuilder query = new StringBuilder("select t from Team t where 1 = 1");
        Parameters params = new Parameters();
        if (member != null) {
            query.append(" and exists (select 1 from Membership m where m.team = t and m.user.id = :user)");
            params.and("user", member.id);
        }
        if (paging.cursor() != null) {
            query.append(" and (t.name > (select c.name from Team c where c.id = :cursor)"
                    + " or (t.name = (select c.name from Team c where c.id = :cursor) and t.id > :cursor))");
            params.and("cursor", paging.cursor());
        }
        List<Team> rows = find(query + " order by t.name, t.id", params).range(0, paging.limit()).list();
        return paging.page(rows, t -> t.id);
    }

    public static List<Team> of(User user) {
        return list("select m.team from Membership m where m.user = ?1 order by m.team.name", user);
    }

    @Override
    public String toString() {
        return "Team[" + slug + "]";
    }
}
