package io.progate.packages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.common.Hashes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The file store: one file per package, nothing half-stored, purged on commit only, old chunks still read. */
@QuarkusTest
class PackageStoreTest {

    @Inject
    PackageStore store;

    @Inject
    EntityManager em;

    /** Rows this test stored outside any request; removed afterwards, so no other test sees orphans. */
    private final java.util.List<Long> stored = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void removeStoredRows() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (long id : stored) {
                em.createNativeQuery("delete from request_package_chunk where package_id = ?1").setParameter(1, id)
                        .executeUpdate();
                em.createNativeQuery("delete from request_package where id = ?1").setParameter(1, id).executeUpdate();
            }
        });
        stored.forEach(id -> store.file(id).ifPresent(f -> f.toFile().delete()));
    }

    private RequestPackage kept(RequestPackage pkg) {
        stored.add(pkg.id);
        return pkg;
    }

    private static Path upload(byte[] bytes) throws Exception {
        Path file = Files.createTempFile("progate-store-test", ".bin");
        Files.write(file, bytes);
        return file;
    }

    @Test
    void aStoredPackageIsOneFileWithItsSizeAndHash() throws Exception {
        byte[] bytes = "package bytes".getBytes();
        Path given = upload(bytes);
        RequestPackage pkg = kept(QuarkusTransaction.requiringNew().call(() -> store.store(given, "a.aimmspack",
                Inspection.none())));
        assertTrue(Files.exists(given), "a file that is not a spooled upload is copied, not taken away");
        assertEquals(bytes.length, pkg.sizeBytes);
        assertEquals(HexFormat.of().formatHex(Hashes.sha256().digest(bytes)), pkg.sha256);
        assertArrayEquals(bytes, Files.readAllBytes(store.file(pkg.id).orElseThrow()));
        try (InputStream in = store.openVerified(pkg)) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
    }

    @Test
    void aTransactionThatDoesNotCommitLeavesNoFile() throws Exception {
        Path upload = upload("doomed".getBytes());
        AtomicLong id = new AtomicLong();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            id.set(store.store(upload, "doomed.aimmspack", Inspection.none()).id);
            throw new IllegalStateException("something after the store fails");
        }));
        assertTrue(id.get() > 0);
        assertFalse(store.file(id.get()).isPresent(), "the stored file went with the transaction");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> RequestPackage.findById(id.get()) == null));
    }

    @Test
    void aPurgeDeletesTheFileOnlyWhenItCommits() throws Exception {
        RequestPackage pkg = kept(QuarkusTransaction.requiringNew().call(() -> store.store(upload("keep".getBytes()),
                "keep.aimmspack", Inspection.none())));
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            store.purge(RequestPackage.findById(pkg.id), Instant.now());
            throw new IllegalStateException("rolled back");
        }));
        assertTrue(store.file(pkg.id).isPresent(), "a purge that rolled back deleted nothing");
        QuarkusTransaction.requiringNew().run(() -> store.purge(RequestPackage.findById(pkg.id), Instant.now()));
        assertFalse(store.hasContent(pkg.id));
        assertThrows(IllegalStateException.class, () -> store.open(pkg.id));
    }

    @Test
    void contentStoredInPostgresqlBeforeTheFileStoreIsStillReadAndVerified() throws Exception {
        byte[] first = new byte[PackageStore.CHUNK_SIZE];
        byte[] second = "tail".getBytes();
        new java.util.Random(3).nextBytes(first);
        byte[] whole = new byte[first.length + second.length];
        System.arraycopy(first, 0, whole, 0, first.length);
        System.arraycopy(second, 0, whole, first.length, second.length);
        String sha = HexFormat.of().formatHex(Hashes.sha256().digest(whole));
        RequestPackage pkg = QuarkusTransaction.requiringNew().call(() -> {
            RequestPackage p = new RequestPackage();
            p.fileName = "old.aimmspack";
            p.sizeBytes = whole.length;
            p.sha256 = sha;
            p.inspection = "{}";
            p.persist();
            em.flush();
            for (int seq = 0; seq < 2; seq++) {
                em.createNativeQuery("insert into request_package_chunk (package_id, seq, data) values (?1, ?2, ?3)")
                        .setParameter(1, p.id).setParameter(2, seq).setParameter(3, seq == 0 ? first : second)
                        .executeUpdate();
            }
            return p;
        });
        kept(pkg);
        assertFalse(store.file(pkg.id).isPresent());
        try (InputStream in = store.verifiedSource(pkg).open()) {
            assertArrayEquals(whole, in.readAllBytes());
        }
    }
}
