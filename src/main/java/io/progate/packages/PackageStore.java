package io.progate.packages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.progate.common.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import org.hibernate.Session;

/**
 * Package content in PostgreSQL, in chunks of {@value #CHUNK_SIZE} bytes: written from a file
 * through a SHA-256 digest one chunk at a time, read back as a stream that fetches one chunk at a
 * time. No package is ever held in memory whole.
 */
@ApplicationScoped
public class PackageStore {

    public static final int CHUNK_SIZE = 1024 * 1024;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    /** Stores {@code file} in the caller's transaction, with its size and SHA-256. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RequestPackage store(Path file, String fileName, Inspection inspection) {
        RequestPackage pkg = new RequestPackage();
        pkg.fileName = fileName;
        pkg.sha256 = "0".repeat(64);
        pkg.inspection = toJson(inspection);
        pkg.persist();
        em.flush();
        MessageDigest digest = Hashes.sha256();
        long[] size = {0};
        em.unwrap(Session.class).doWork(connection -> {
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest);
                    PreparedStatement insert = connection.prepareStatement(
                            "insert into request_package_chunk (package_id, seq, data) values (?, ?, ?)")) {
                byte[] chunk = new byte[CHUNK_SIZE];
                int seq = 0;
                int n;
                while ((n = in.readNBytes(chunk, 0, CHUNK_SIZE)) > 0) {
                    insert.setLong(1, pkg.id);
                    insert.setInt(2, seq++);
                    insert.setBytes(3, n == CHUNK_SIZE ? chunk : java.util.Arrays.copyOf(chunk, n));
                    insert.executeUpdate();
                    size[0] += n;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the uploaded file", e);
            }
        });
        pkg.sizeBytes = size[0];
        pkg.sha256 = HexFormat.of().formatHex(digest.digest());
        return pkg;
    }

    /**
     * The stored bytes as a stream that reads one chunk per query, inside or outside a transaction.
     * Refused for a purged package.
     */
    public InputStream open(RequestPackage pkg) {
        return open(pkg.id);
    }

    /**
     * The stored bytes as a stream that hashes them as they are read and fails at its end (with
     * {@link PackageMismatchException}) unless they are exactly the approved ones: the same size and
     * SHA-256 as recorded at submission. Execution uploads packages through this stream only.
     */
    public InputStream openVerified(RequestPackage pkg) {
        return new VerifyingInputStream(open(pkg.id), pkg.sha256, pkg.sizeBytes);
    }

    /** Same as {@link #open(RequestPackage)}, by the package's id; refused when purged or unknown. */
    public InputStream open(long packageId) {
        try (var connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select purged_at is not null from request_package where id = ?")) {
            query.setLong(1, packageId);
            try (var rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalArgumentException("no package " + packageId);
                }
                if (rows.getBoolean(1)) {
                    throw new IllegalStateException("the content of package " + packageId + " was purged");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up package " + packageId, e);
        }
        return new ChunkInputStream(dataSource, packageId);
    }

    /** Deletes the content, keeping name, size, hash and inspection. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void purge(RequestPackage pkg, Instant at) {
        em.createNativeQuery("delete from request_package_chunk where package_id = ?1").setParameter(1, pkg.id)
                .executeUpdate();
        pkg.purgedAt = at;
    }

    public Inspection inspectionOf(RequestPackage pkg) {
        try {
            return json.readValue(pkg.inspection, Inspection.class);
        } catch (JsonProcessingException e) {
            return Inspection.none();
        }
    }

    private String toJson(Inspection inspection) {
        try {
            return json.writeValueAsString(inspection);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("inspection cannot be written as JSON", e);
        }
    }

    /** Counts chunks; used by tests and the purge to check that content is gone. */
    public long chunkCount(long packageId) {
        try (var connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from request_package_chunk where package_id = ?")) {
            query.setLong(1, packageId);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count package chunks", e);
        }
    }
}
