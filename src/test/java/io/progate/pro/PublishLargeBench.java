package io.progate.pro;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.progate.common.Hashes;
import io.progate.fixtures.Fixtures;
import io.progate.fixtures.SandboxAccounts;
import io.progate.pro.model.PublishMetadata;
import io.progate.sandbox.store.SandboxApp;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not part of the test suite (the name does not end in Test): publishes a large package
 * through the client to the sandbox, both in this JVM, so a small heap proves that neither side
 * holds the package in memory. Run by bench/publish-large.sh.
 */
@QuarkusTest
class PublishLargeBench {

    @Inject
    SandboxAccounts sandbox;

    @Inject
    ProApps apps;

    @Test
    void publishesALargePackageWithASmallHeap() throws Exception {
        int mib = Integer.getInteger("bench.size-mib", 512);
        Path file = Files.createTempFile("bench-", ".aimmspack");
        MessageDigest digest = Hashes.sha256();
        byte[] chunk = new byte[1 << 20];
        Random random = new Random(7);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < mib; i++) {
                random.nextBytes(chunk);
                digest.update(chunk);
                out.write(chunk);
            }
        }
        String name = Fixtures.unique("Large");
        long start = System.nanoTime();
        try {
            apps.publish(sandbox.demo(), PublishMetadata.of(name, "1.0", SandboxAccounts.OFFICIAL_VERSION),
                    PackageSource.of(file));
        } finally {
            Files.delete(file);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        SandboxApp stored = QuarkusTransaction.requiringNew().call(() -> SandboxApp.byNameAndVersion(name, "1.0").orElseThrow());
        assertEquals((long) mib << 20, stored.packageSize);
        assertEquals(HexFormat.of().formatHex(digest.digest()), stored.packageSha256);
        Log.infof("BENCH publish of %d MiB: %d ms (%.1f MiB/s) with max heap %d MiB", mib, millis,
                mib * 1000.0 / Math.max(1, millis), Runtime.getRuntime().maxMemory() >> 20);
    }
}
