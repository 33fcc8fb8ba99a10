package io.progate.packages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * The manifest of each stored zip package, one row per file in {@code package_manifest_entry}: path, size and
 * SHA-256, written with the package and kept when retention purges its content, so a later model diff can
 * still say which files changed.
 */
@ApplicationScoped
public class PackageManifests {

    private static final int BATCH = 500;

    @Inject
    EntityManager em;

    /** Writes the manifest of a package just stored, in the caller's transaction (batched inserts). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(long packageId, List<ManifestEntry> manifest) {
        if (manifest.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into package_manifest_entry"
                    + " (package_id, seq, path, size_bytes, sha256) values (?, ?, ?, ?, ?)")) {
                int seq = 0;
                for (ManifestEntry e : manifest) {
                    insert.setLong(1, packageId);
                    insert.setInt(2, seq++);
                    insert.setString(3, e.path());
                    insert.setLong(4, e.size());
                    insert.setString(5, e.sha256());
                    insert.addBatch();
                    if (seq % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        });
    }

    /** The manifest of a package in archive order; empty for an opaque file, an icon or an unknown id. */
    @SuppressWarnings("unchecked")
    @Transactional
    public List<ManifestEntry> of(long packageId) {
        List<Object[]> rows = em.createNativeQuery("select path, size_bytes, sha256 from package_manifest_entry"
                + " where package_id = ?1 order by seq").setParameter(1, packageId).getResultList();
        List<ManifestEntry> manifest = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            manifest.add(new ManifestEntry((String) row[0], ((Number) row[1]).longValue(), (String) row[2]));
        }
        return manifest;
    }
}
