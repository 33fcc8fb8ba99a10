package io.progate.request;

import io.progate.common.InvalidInputException;
import io.progate.packages.PackageStore;
import io.progate.packages.RequestPackage;
import io.progate.packages.Sizes;
import io.progate.team.Team;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/**
 * Packages of pending requests take database space before anyone approved them, so each team has a quota
 * for them ({@code progate.quota.pending-packages}, default 5 GiB): a filing that would pass it is refused,
 * and the packages of a request that expires are purged with it.
 */
@ApplicationScoped
public class PendingPackages {

    /** The per-team quota. */
    @ConfigMapping(prefix = "progate.quota")
    public interface QuotaConfig {
        /** Bytes that packages and icons of one team's pending requests may hold together. */
        @WithDefault("5G")
        MemorySize pendingPackages();
    }

    @Inject
    QuotaConfig config;

    @Inject
    PackageStore store;

    @Inject
    EntityManager em;

    public long quota() {
        return config.pendingPackages().asLongValue();
    }

    /** Bytes held now by packages and icons of the team's pending requests. */
    public long heldBy(long teamId) {
        Number sum = (Number) em.createNativeQuery("select coalesce(sum(p.size_bytes), 0) from release_request r "
                + "join request_package p on p.id in (r.package_id, r.icon_id) "
                + "where r.team_id = ?1 and r.status = 'PENDING' and p.purged_at is null")
                .setParameter(1, teamId).getSingleResult();
        return sum.longValue();
    }

    /**
     * Refuses a filing of {@code incoming} bytes that would take the team past its quota. Locks the team
     * row, so that parallel filings of one team are counted one after the other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reserve(Team team, long incoming) {
        if (incoming <= 0) {
            return;
        }
        em.createNativeQuery("select id from team where id = ?1 for update").setParameter(1, team.id).getSingleResult();
        long held = heldBy(team.id);
        if (held + incoming > quota()) {
            throw new InvalidInputException("file", "the team's pending requests already hold " + Sizes.human(held)
                    + " of its " + Sizes.human(quota()) + " quota for packages; this one (" + Sizes.human(incoming)
                    + ") does not fit until some are decided, cancelled or expire");
        }
    }

    /** Purges the package and icon of a request that just expired; notes them in the audit details. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void purgeExpired(ReleaseRequest r, Instant now, Map<String, Object> details) {
        for (RequestPackage pkg : new RequestPackage[] {r.pkg, r.icon}) {
            if (pkg != null && !pkg.isPurged()) {
                store.purge(pkg, now);
                details.put(pkg == r.icon ? "iconPurged" : "packagePurged", pkg.fileName);
            }
        }
    }
}
