package io.progate.common;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Entity listener of the rows that {@link ReadCache}s hold copies of (users, tokens, teams, memberships):
 * any insert, update or delete empties the caches when Hibernate writes it, and once more when its
 * transaction has ended, so a reader that loaded the old row in between does not keep it. Bulk updates
 * bypass entity listeners: code that changes these rows in bulk calls {@link ReadCache#invalidateAll()}.
 */
public class ReadCacheInvalidation {

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        ReadCache.invalidateAll();
        afterTransaction();
    }

    /** Empties the caches again when the current transaction ends (at once when there is none). */
    public static void afterTransaction() {
        try (InstanceHandle<TransactionSynchronizationRegistry> registry = Arc.container()
                .instance(TransactionSynchronizationRegistry.class)) {
            if (registry.isAvailable() && registry.get().getTransactionStatus() == Status.STATUS_ACTIVE) {
                registry.get().registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        ReadCache.invalidateAll();
                    }
                });
                return;
            }
        }
        ReadCache.invalidateAll();
    }
}
