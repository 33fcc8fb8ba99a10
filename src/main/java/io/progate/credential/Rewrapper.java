package io.progate.credential;

import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.audit.Outcome;
import io.progate.credential.seal.MasterKeyException;
import io.progate.credential.seal.MasterKeyring;
import io.progate.credential.seal.SealBrokenException;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Master-key rotation: re-wraps the data key of every sealed credential that is not yet under the
 * active master key, in batches of one transaction each. The ciphertext itself is untouched. Stopping
 * half-way is harmless (both keys still open their rows); running it again picks up where it stopped.
 */
@ApplicationScoped
public class Rewrapper {

    @Inject
    Vault vault;

    @Inject
    CredentialConfig config;

    @Inject
    MasterKeyring ring;

    @Inject
    AuditLog audit;

    /** What a re-wrap did; {@code remaining} counts sealed rows still under another master key. */
    public record Report(String activeKeyId, int rewrapped, int failed, List<Long> failedIds, long remaining) {
    }

    /** Sealed rows per master key id, and which ids are configured. */
    public record Status(String activeKeyId, List<String> configuredIds, Map<String, Long> sealedByKey) {
    }

    public Status status() {
        Map<String, Long> byKey = new LinkedHashMap<>();
        List<Object[]> rows = Credential.getEntityManager().createQuery(
                "select c.masterKeyId, count(c) from Credential c where c.masterKeyId is not null "
                        + "group by c.masterKeyId order by c.masterKeyId", Object[].class).getResultList();
        for (Object[] row : rows) {
            byKey.put((String) row[0], ((Number) row[1]).longValue());
        }
        return new Status(vault.activeKeyId(), List.copyOf(ring.keys().ids()), byKey);
    }

    public Report rewrapAll(String actor) {
        String active = vault.activeKeyId();
        int batchSize = Math.max(1, config.rewrapBatchSize());
        long cursor = 0;
        int rewrapped = 0;
        List<Long> failedIds = new ArrayList<>();
        Batch batch;
        do {
            long after = cursor;
            batch = QuarkusTransaction.requiringNew().call(() -> batch(active, after, batchSize));
            rewrapped += batch.rewrapped;
            failedIds.addAll(batch.failedIds);
            cursor = batch.lastId;
        } while (batch.seen == batchSize);
        long remaining = QuarkusTransaction.requiringNew().call(() ->
                Credential.count("masterKeyId is not null and masterKeyId <> ?1", active));
        Report report = new Report(active, rewrapped, failedIds.size(), List.copyOf(failedIds), remaining);
        QuarkusTransaction.requiringNew().run(() -> audit.record(
                AuditRecord.of("credential.rewrap", "master-key", active).actor(actor)
                        .outcome(report.failed() == 0 ? Outcome.SUCCESS : Outcome.FAILURE)
                        .details(Map.of("activeKeyId", active, "rewrapped", report.rewrapped(), "failed",
                                report.failed(), "failedIds", report.failedIds(), "remaining", remaining))));
        Log.infof("Re-wrap under master key '%s': %d re-wrapped, %d failed, %d remaining", active,
                report.rewrapped(), report.failed(), remaining);
        return report;
    }

    /** Rows after {@code afterId} in id order; rows that fail stay behind the cursor and are reported. */
    private Batch batch(String active, long afterId, int size) {
        List<Credential> rows = Credential.<Credential>find(
                "masterKeyId is not null and masterKeyId <> ?1 and id > ?2 order by id", active, afterId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).page(Page.ofSize(size)).list();
        Batch batch = new Batch();
        for (Credential credential : rows) {
            batch.seen++;
            batch.lastId = credential.id;
            try {
                if (vault.rewrap(credential)) {
                    batch.rewrapped++;
                }
            } catch (MasterKeyException | SealBrokenException e) {
                Log.warnf("Credential %d not re-wrapped: %s", credential.id, e.getMessage());
                batch.failedIds.add(credential.id);
            }
        }
        return batch;
    }

    private static final class Batch {
        int seen;
        int rewrapped;
        long lastId;
        final List<Long> failedIds = new ArrayList<>();
    }
}
