package io.progate.team;

import io.progate.account.AccountConfig;
import io.progate.account.User;
import io.progate.common.ReadCache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The teams a user sees, with the user's role in each, in one query, kept as briefly as a resolved token
 * ({@code progate.tokens.cache-ttl}): {@code GET /api/v1/me} and the audit log's visibility ask on every
 * call. Any change of a team or a membership through this replica empties the cache ({@link ReadCache}).
 */
@ApplicationScoped
public class MyTeams {

    /** A team the user sees; {@code role} is null where an admin is not a member. */
    public record MyTeam(long id, String slug, String name, TeamRole role) {
    }

    private record Key(long userId, boolean admin) {
    }

    @Inject
    AccountConfig config;

    private ReadCache<Key, List<MyTeam>> cache;

    /** All teams for an admin, their own for everyone else; by name. */
    public List<MyTeam> of(User user) {
        return cache.get(new Key(user.id, user.admin), () -> Optional.of(load(user.id, user.admin))).orElseThrow();
    }

    /** The user's teams if they are in memory; reads nothing (for answers given on the I/O thread). */
    public Optional<List<MyTeam>> inMemory(User user) {
        return cache.peek(new Key(user.id, user.admin));
    }

    /**
     * The team with this slug if the user sees it (as {@link TeamService#require} decides, from the same
     * short-lived cache): for read paths that need only its id.
     */
    public Optional<MyTeam> find(User user, String slug) {
        return of(user).stream().filter(t -> t.slug().equals(slug)).findFirst();
    }

    /** Ids of the teams the user is a member of. */
    public Set<Long> memberOf(User user) {
        return of(user).stream().filter(t -> t.role() != null).map(MyTeam::id).collect(Collectors.toSet());
    }

    @ActivateRequestContext
    List<MyTeam> load(long userId, boolean admin) {
        String query = admin
                ? "select new io.progate.team.MyTeams$MyTeam(t.id, t.slug, t.name, m.role) from Team t"
                        + " left join Membership m on m.team = t and m.user.id = :user order by t.name, t.id"
                : "select new io.progate.team.MyTeams$MyTeam(t.id, t.slug, t.name, m.role) from Membership m"
                        + " join m.team t where m.user.id = :user order by t.name, t.id";
        return QuarkusTransaction.requiringNew().call(() -> List.copyOf(Team.getEntityManager()
                .createQuery(query, MyTeam.class).setParameter("user", userId).getResultList()));
    }

    @PostConstruct
    void open() {
        cache = new ReadCache<>(config.tokens().cacheTtl(), 10_000);
    }

    @PreDestroy
    void close() {
        cache.close();
    }
}
