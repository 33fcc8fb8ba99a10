package io.progate.team;

import io.progate.account.User;
import io.progate.common.BaseEntity;
import io.progate.common.ReadCacheInvalidation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;

/** A user's place in a team. */
@Entity
@EntityListeners(ReadCacheInvalidation.class)
@Table(name = "team_member")
public class Membership extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id")
    public Team team;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    public User user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TeamRole role;

    /** Where the membership came from: {@code LOCAL} (a person added it) or {@code SSO} (the identity provider's groups). */
    @Column(nullable = false)
    public String source = LOCAL;

    public static final String LOCAL = "LOCAL";
    public static final String SSO = "SSO";

    public boolean isFromSso() {
        return SSO.equals(source);
    }

    public static Optional<Membership> of(Team team, User user) {
        return find("team = ?1 and user = ?2", team, user).firstResultOptional();
    }

    /** The user's role in each of their teams, by team id, in one query. */
    public static java.util.Map<Long, TeamRole> rolesOf(User user) {
        java.util.Map<Long, TeamRole> roles = new java.util.HashMap<>();
        getEntityManager().createQuery("select m.team.id, m.role from Membership m where m.user = :user", Object[].class)
                .setParameter("user", user).getResultList()
                .forEach(row -> roles.put((Long) row[0], (TeamRole) row[1]));
        return roles;
    }

    public static List<Membership> ofTeam(Team team) {
        return list("select m from Membership m join fetch m.user u where m.team = ?1 order by u.username", team);
    }

    public static long countOf(Team team) {
        return count("team", team);
    }
}
