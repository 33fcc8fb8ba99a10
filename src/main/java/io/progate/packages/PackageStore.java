package io.progate.packages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.progate.common.Hashes;
import io.progate.pro.PackageSource;
import io.quarkus.logging.Log;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Package content, one file per package in {@code progate.requests.package-directory} (named by the
 * package's id), with name, size, SHA-256 and inspection in {@code request_package}.
 * <ul>
 * <li>Stored in the caller's transaction: the spooled upload is moved into the store (a rename when
 * the upload folder is on the same file system, as configured by default), hashed in one streaming
 * read, and deleted again if the transaction does not commit, so no half-stored package stays.</li>
 * <li>Read back as the file itself: execution re-hashes it ({@link #verifiedSource}) and sends it
 * with its known length, without a temporary copy.</li>
 * <li>Content stored before the file store existed stays readable from {@code request_package_chunk}.</li>
 * </ul>
 */
@ApplicationScoped
public class PackageStore {

    /** Chunk size of the content stored in PostgreSQL before the file store (still read). */
    public static final int CHUNK_SIZE = 1024 * 1024;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    PackageConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    PackageManifests manifests;

    /** Where the HTTP layer spools uploads (by default the store's own uploads/ subfolder). */
    @ConfigProperty(name = "quarkus.http.body.uploads-directory")
    String uploadsDirectory;

    private Path directory;
    private Path uploads;

    @PostConstruct
    void createDirectory() {
        directory = config.packageDirectory().toAbsolutePath();
        uploads = Path.of(uploadsDirectory).toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the package directory " + directory, e);
        }
    }

    /**
     * Stores {@code file} in the caller's transaction, with its size, SHA-256 and the inspection's manifest:
     * moved when it is a spooled upload, copied otherwise.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RequestPackage store(Path file, String fileName, Inspection inspection) {
        RequestPackage pkg = new RequestPackage();
        pkg.fileName = fileName;
        pkg.sha256 = "0".repeat(64);
        pkg.inspection = toJson(inspection);
        pkg.persist();
        em.flush();
        manifests.write(pkg.id, inspection.manifest());
        Path target = contentPath(pkg.id);
        deleteUnlessCommitted(target);
        MessageDigest digest = Hashes.sha256();
        try {
            moveOrCopy(file, target);
            try (InputStream in = new DigestInputStream(Files.newInputStream(target), digest)) {
                pkg.sizeBytes = in.transferTo(OutputStream.nullOutputStream());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the uploaded file", e);
        }
        pkg.sha256 = HexFormat.of().formatHex(digest.digest());
        return pkg;
    }

    /**
     * The stored bytes as a stream, inside or outside a transaction. Refused for a purged package.
     */
    public InputStream open(RequestPackage pkg) {
        return open(pkg.id);
    }

    /**
     * The stored bytes as a stream that hashes them as they are read and fails at its end (with
     * {@link PackageMismatchException}) unless they are exactly the approved ones: the same size and
     * SHA-256 as recorded at submission.
     */
    public InputStream openVerified(RequestPackage pkg) {
        return new VerifyingInputStream(open(pkg.id), pkg.sha256, pkg.sizeBytes);
    }

    /**
     * What execution sends: the stored file, re-hashed first (a mismatch fails here, before PRO is
     * called), then sent as it is with its length. Content stored in PostgreSQL is streamed through the
     * verifying stream instead.
     */
    public PackageSource verifiedSource(RequestPackage pkg) throws IOException {
        Optional<Path> file = file(pkg.id);
        if (file.isEmpty()) {
            return PackageSource.of(pkg.fileName, () -> openVerified(pkg));
        }
        try (InputStream in = openVerified(pkg)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return PackageSource.of(file.get(), pkg.fileName);
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
        Optional<Path> file = file(packageId);
        if (file.isEmpty()) {
            return new ChunkInputStream(dataSource, packageId);
        }
        try {
            return Files.newInputStream(file.get());
        } catch (IOException e) {
            throw new UncheckedIOException("could not open package " + packageId, e);
        }
    }

    /** The file that holds a package's content, if it is in the file store. */
    public Optional<Path> file(long packageId) {
        Path path = contentPath(packageId);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /** Deletes the content once the caller's transaction commits, keeping name, size, hash and inspection. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void purge(RequestPackage pkg, Instant at) {
        em.createNativeQuery("delete from request_package_chunk where package_id = ?1").setParameter(1, pkg.id)
                .executeUpdate();
        Path target = contentPath(pkg.id);
        transactions.registerInterposedSynchronization(new AfterCompletion(status -> {
            if (status == Status.STATUS_COMMITTED) {
                delete(target);
            }
        }));
        pkg.purgedAt = at;
    }

    public Inspection inspectionOf(RequestPackage pkg) {
        try {
            return json.readValue(pkg.inspection, Inspection.class);
        } catch (JsonProcessingException e) {
            return Inspection.none();
        }
    }

    /** Whether any content of the package is still stored (a file or chunks); used by tests. */
    public boolean hasContent(long packageId) {
        if (file(packageId).isPresent()) {
            return true;
        }
        try (var connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select exists (select 1 from request_package_chunk where package_id = ?)")) {
            query.setLong(1, packageId);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up package chunks", e);
        }
    }

    private Path contentPath(long packageId) {
        return directory.resolve(packageId + ".pkg");
    }

    private void deleteUnlessCommitted(Path target) {
        transactions.registerInterposedSynchronization(new AfterCompletion(status -> {
            if (status != Status.STATUS_COMMITTED) {
                delete(target);
            }
        }));
    }

    /**
     * Moves an upload the HTTP layer spooled (it would delete it at the end of the request anyway); copies
     * any other file, which its owner may still use.
     */
    private void moveOrCopy(Path from, Path to) throws IOException {
        if (from.toAbsolutePath().normalize().startsWith(uploads)) {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (AtomicMoveNotSupportedException e) {
                // another file system: one streaming copy below
            }
        }
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            Log.warnf("Could not delete package file %s: %s", path.getFileName(), e.getMessage());
        }
    }

    private String toJson(Inspection inspection) {
        try {
            return json.writeValueAsString(inspection);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("inspection cannot be written as JSON", e);
        }
    }

    /** Runs after the transaction ends, with its status. */
    private record AfterCompletion(java.util.function.IntConsumer action) implements Synchronization {

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            action.accept(status);
        }
    }
}
