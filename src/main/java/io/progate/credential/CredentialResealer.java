package io.progate.credential;

import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Map;

/**
 * At start-up, re-seals keys sealed before their team's PRO account URL was part of the associated data
 * (seal version 1) under the current binding (version 2), each in its own transaction with the row
 * locked, so replicas starting together do it once. A row that does not open (its master key is not
 * configured, or it was altered) is left as it is and logged; it fails wherever it is used, as before.
 */
@ApplicationScoped
public class CredentialResealer {

    @Inject
    Vault vault;

    @Inject
    AuditLog audit;

    void onStart(@Observes StartupEvent event) {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> Credential.sealedWithoutUrl().stream()
                .map(c -> c.id).toList());
        int resealed = 0;
        for (Long id : ids) {
            try {
                resealed += QuarkusTransaction.requiringNew().call(() -> resealOne(id)) ? 1 : 0;
            } catch (RuntimeException e) {
                Log.warnf("Credential %d could not be re-sealed with its PRO URL: %s", id, e.getMessage());
            }
        }
        if (resealed > 0) {
            Log.infof("Re-sealed %d PRO key(s) bound to their team's PRO account URL", resealed);
        }
    }

    boolean resealOne(long id) {
        Credential credential = Credential.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (credential == null || !vault.reseal(credential)) {
            return false;
        }
        audit.record(AuditRecord.of("credential.reseal", "credential", credential.id.toString())
                .team(credential.team.id).actor(AuditLog.SYSTEM)
                .details(Map.of("label", credential.label, "sealVersion", credential.sealVersion)));
        return true;
    }
}
