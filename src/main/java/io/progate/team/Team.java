package io.progate.team;

import io.progate.account.User;
import io.progate.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;
import java.util.Optional;

/** A team and the PRO account its apps live in. */
@Entity
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

    public static List<Team> of(User user) {
        return list("select m.team from Membership m where m.user = ?1 order by m.team.name", user);
    }

    @Override
    public String toString() {
        return "Team[" + slug + "]";
    }
}
