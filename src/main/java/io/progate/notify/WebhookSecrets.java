package io.progate.notify;

import io.progate.credential.OtherSealedSecrets;
import io.progate.credential.Vault;
import io.progate.credential.seal.Sealed;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.util.List;

/** Team webhooks' signing secrets take part in master-key re-wraps (see {@code Rewrapper}). */
@ApplicationScoped
public class WebhookSecrets implements OtherSealedSecrets {

    @Inject
    Vault vault;

    @Override
    public int rewrapAll(String activeKeyId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<TeamWebhook> rows = TeamWebhook.<TeamWebhook>find("masterKeyId <> ?1 order by id", activeKeyId)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).list();
            int rewrapped = 0;
            for (TeamWebhook webhook : rows) {
                Sealed moved = vault.rewrapOther(TeamWebhook.SEAL_PURPOSE, webhook.teamId, webhook.id, webhook.sealed());
                if (moved != null) {
                    webhook.seal(moved);
                    rewrapped++;
                }
            }
            return rewrapped;
        });
    }

    @Override
    public long remaining(String activeKeyId) {
        return QuarkusTransaction.requiringNew().call(() -> TeamWebhook.count("masterKeyId <> ?1", activeKeyId));
    }
}
