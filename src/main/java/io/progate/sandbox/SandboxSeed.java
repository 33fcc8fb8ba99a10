package io.progate.sandbox;

import io.progate.common.Hashes;
import io.progate.sandbox.store.SandboxAimmsVersion;
import io.progate.sandbox.store.SandboxCategory;
import io.progate.sandbox.store.SandboxEntity;
import io.progate.sandbox.store.SandboxKey;
import io.progate.sandbox.store.SandboxScope;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Seeds the sandbox on first start: AIMMS versions (official and development), categories with
 * {@code other}, environments, groups and users with numeric ids, and the demo key with every
 * scope. Idempotent, and safe when several replicas start at once (an advisory lock serialises them).
 */
@ApplicationScoped
public class SandboxSeed {

    private static final long LOCK = 0x5A4D_B0C5L;
    static final List<String> OFFICIAL_VERSIONS = List.of("24.6.2.9-linux64-x86-vc143", "25.1.3.2-linux64-x86-vc143",
            "25.3.1.4-linux64-x86-vc143");
    static final String DEV_VERSION = "25.4.0.77-dev-linux64-x86-vc143";
    static final List<String> CATEGORIES = List.of(SandboxRules.DEFAULT_CATEGORY, "Planning", "Scheduling");

    @Inject
    SandboxConfig config;

    @Inject
    SandboxKeys keys;

    @Inject
    EntityManager em;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        em.createNativeQuery("select pg_advisory_xact_lock(" + LOCK + ")").getSingleResult();
        if (SandboxAimmsVersion.count() == 0) {
            OFFICIAL_VERSIONS.forEach(id -> version(id, true));
            version(DEV_VERSION, false);
            CATEGORIES.forEach(SandboxSeed::category);
            entity(16777001L, SandboxEntity.Kind.ENVIRONMENT, "ROOT", "ROOT", null, null, null);
            entity(16777002L, SandboxEntity.Kind.ENVIRONMENT, "Production", "Production", null, null, null);
            entity(16777095L, SandboxEntity.Kind.GROUP, "ROOT", "Planners", null, null, null);
            entity(16777096L, SandboxEntity.Kind.GROUP, "ROOT", "Viewers", null, null, null);
            entity(16777201L, SandboxEntity.Kind.USER, "ROOT", SandboxRules.DEMO_USER, "demo.user@example.com",
                    "Demo User", "Planners");
            entity(16777202L, SandboxEntity.Kind.USER, "ROOT", "pat.planner", "pat.planner@example.com",
                    "Pat Planner", "Planners,Viewers");
            entity(16777203L, SandboxEntity.Kind.USER, "Production", "val.viewer", "val.viewer@example.com",
                    "Val Viewer", "Viewers");
            Log.info("PRO sandbox seeded: AIMMS versions, categories, environments, groups and users");
        }
        demoKey();
    }

    private void demoKey() {
        String configured = config.demoKey().filter(v -> !v.isBlank()).orElse(null);
        SandboxKey existing = SandboxKey.byName(SandboxRules.DEMO_USER, SandboxRules.DEMO_KEY_NAME).orElse(null);
        if (existing != null) {
            if (configured != null && !existing.keyHash.equals(Hashes.sha256Hex(configured))) {
                existing.keyHash = Hashes.sha256Hex(configured);
                existing.expiresAt = farFuture();
                Log.info("PRO sandbox demo key updated to the configured progate.sandbox.demo-key");
            }
            return;
        }
        String value = configured != null ? configured : SandboxKeys.newValue();
        List<String> everyScope = Arrays.stream(SandboxScope.values()).map(SandboxScope::wireName).toList();
        keys.issue(SandboxRules.DEMO_KEY_NAME, SandboxRules.DEMO_USER, everyScope, farFuture(), value);
        // never the value, not even in dev mode: a developer reads it where it was configured
        Log.info(configured != null
                ? "PRO sandbox demo API key created with every scope (value not shown: progate.sandbox.demo-key)"
                : "PRO sandbox demo API key created (value not shown)");
    }

    /** The demo key outlives the one-year rule for created keys, so a demo keeps working. */
    private static Instant farFuture() {
        return Instant.parse("2099-12-31T00:00:00Z");
    }

    private static void version(String id, boolean official) {
        SandboxAimmsVersion version = new SandboxAimmsVersion();
        version.versionId = id;
        version.official = official;
        version.persist();
    }

    private static void category(String value) {
        SandboxCategory category = new SandboxCategory();
        category.categoryId = UUID.randomUUID().toString();
        category.value = value;
        category.persist();
    }

    private static void entity(long id, SandboxEntity.Kind kind, String environment, String name, String email,
            String fullName, String groups) {
        SandboxEntity entity = new SandboxEntity();
        entity.entityId = id;
        entity.kind = kind;
        entity.environmentName = environment;
        entity.name = name;
        entity.email = email;
        entity.fullName = fullName;
        entity.groups = groups;
        entity.persist();
    }
}
