package io.progate.demo;

import io.progate.account.AccountConfig;
import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.credential.Credential;
import io.progate.credential.Scope;
import io.progate.credential.Vault;
import io.progate.sandbox.SandboxConfig;
import io.progate.team.Team;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;

/**
 * Demo profile: gives the demo team a credential made from the sandbox's demo key
 * ({@code progate.sandbox.demo-key}), once, so that a fresh dev start can carry out requests. It is
 * saved unverified (the portal is not listening yet); "Verify now" on the keys page checks it.
 */
@ApplicationScoped
public class DemoCredential {

    public static final String LABEL = "sandbox-demo";

    @Inject
    AccountConfig accounts;

    @Inject
    SandboxConfig sandbox;

    @Inject
    Vault vault;

    @Inject
    AuditLog audit;

    @Transactional
    void create() {
        if (!accounts.demo().enabled() || !sandbox.enabled()) {
            return;
        }
        String value = sandbox.demoKey().filter(v -> !v.isBlank()).orElse(null);
        Team team = Team.bySlug(DemoData.TEAM).orElse(null);
        if (value == null || team == null || Credential.count("team", team) > 0) {
            return;
        }
        char[] key = value.toCharArray();
        try {
            Credential credential = new Credential();
            credential.id = Credential.nextId();
            credential.team = team;
            credential.createdAt = Instant.now();
            credential.label = LABEL;
            credential.setScopes(EnumSet.allOf(Scope.class));
            credential.expiresAt = Instant.now().atOffset(ZoneOffset.UTC).plusYears(1).minusDays(1).toInstant();
            credential.last4 = value.substring(value.length() - 4);
            credential.verified = false;
            credential.createdBy = AuditLog.SYSTEM;
            vault.seal(credential, key);
            credential.persist();
            audit.record(AuditRecord.of("credential.add", "credential", credential.id.toString()).team(team.id)
                    .actor(AuditLog.SYSTEM).details(Map.of("label", LABEL, "scopes", credential.scopeNames(),
                            "expiresAt", credential.expiresAt.toString(), "last4", credential.last4, "verified", false,
                            "demo", true)));
            Log.warn("Demo team 'demo' got the sandbox demo key as its PRO credential (demo only)");
        } finally {
            Arrays.fill(key, '\0');
        }
    }
}
