package io.progate.execution;

import io.progate.access.CurrentAccess;
import io.progate.packages.PackageStore;
import io.progate.packages.RequestPackage;
import io.progate.pro.PackageSource;
import io.progate.pro.ProAccount;
import io.progate.pro.ProApps;
import io.progate.pro.model.AppUpdate;
import io.progate.pro.model.ProApp;
import io.progate.pro.model.PublishMetadata;
import io.progate.request.Payloads;
import io.progate.pro.model.ProTask;
import io.progate.request.RequestType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The PRO side of executing a request: the drift check before acting, the one changing call, and
 * the question asked after an attempt of unknown outcome. Only documented calls are on this path:
 * {@code POST /applications} and {@code GET|PATCH|DELETE /applications/{name}/{version}} (see
 * docs/pro-api.md). Reads may be retried by the client; the changing call never is.
 */
@ApplicationScoped
public class ProOperations {

    @Inject
    ProApps apps;

    @Inject
    PackageStore store;

    @Inject
    BeforeAfterService beforeAfter;

    @Inject
    Payloads payloads;

    @Inject
    TaskOperations taskOps;

    /**
     * Why the request's preconditions no longer hold on PRO; empty when they do. A task has none that
     * ProGate checks: its key carries the Tasks scope, not necessarily PublishApp to read apps, and
     * PRO refuses a task on a version it does not have.
     */
    public Optional<String> drift(ProAccount account, Claim c) {
        switch (c.type()) {
            case TASK:
                return Optional.empty();
            case PUBLISH:
                if (apps.find(account, c.appName(), c.appVersion()).isPresent()) {
                    return Optional.of("version " + c.appVersion() + " of " + c.appName() + " already exists");
                }
                PublishMetadata metadata = metadata(c);
                if (metadata.behavior() != PublishMetadata.NEW_APP && metadata.oldProjectName() != null
                        && apps.find(account, metadata.oldProjectName(), metadata.oldProjectVersion()).isEmpty()) {
                    return Optional.of("the version to replace, " + metadata.oldProjectName() + " "
                            + metadata.oldProjectVersion() + ", no longer exists");
                }
                return Optional.empty();
            default:
                if (apps.find(account, c.appName(), c.appVersion()).isEmpty()) {
                    return Optional.of("version " + c.appVersion() + " of " + c.appName() + " no longer exists");
                }
                return Optional.empty();
        }
    }

    /** The one call that changes PRO; for a task, the task PRO created (null for the other types). */
    public ProTask perform(ProAccount account, Claim c) {
        switch (c.type()) {
            case PUBLISH:
                apps.publish(account, metadata(c), source(c.pkg()), c.icon() == null ? null : source(c.icon()));
                return null;
            case UPDATE:
                apps.update(account, c.appName(), c.appVersion(), update(c));
                return null;
            case TASK:
                return taskOps.create(account, c);
            default:
                apps.delete(account, c.appName(), c.appVersion());
                return null;
        }
    }

    /** Did the attempt whose outcome is unknown reach PRO? */
    public Reconciliation reconcile(ProAccount account, Claim c) {
        if (c.type() == RequestType.TASK) {
            return taskOps.reconcile(account, c);
        }
        Optional<ProApp> found = apps.find(account, c.appName(), c.appVersion());
        switch (c.type()) {
            case PUBLISH:
                if (found.isEmpty()) {
                    return Reconciliation.notDone("PRO has no version " + c.appVersion() + " of " + c.appName());
                }
                PublishMetadata metadata = metadata(c);
                ProApp app = found.get();
                if (same(app.description(), metadata.description()) && same(app.aimmsVersionId(), metadata.aimmsVersionId())
                        && sameCategory(app.projectCategory(), metadata.projectCategory())
                        && carries(app.attributes(), metadata.attributes())) {
                    return Reconciliation.done("PRO holds " + c.appName() + " " + c.appVersion()
                            + " with this request's metadata");
                }
                return Reconciliation.different("PRO holds " + c.appName() + " " + c.appVersion()
                        + " with other metadata than this request's");
            case UPDATE:
                if (found.isEmpty()) {
                    return Reconciliation.different("version " + c.appVersion() + " of " + c.appName()
                            + " no longer exists");
                }
                AppUpdate update = update(c);
                ProApp current = found.get();
                boolean visible = (update.description() == null || same(current.description(), update.description()))
                        && (update.projectCategory() == null || sameCategory(current.projectCategory(), update.projectCategory()))
                        && (update.isLatest() == null || current.isLatest())
                        && (update.attributes() == null || update.attributes().equals(
                                current.attributes() == null ? Map.of() : current.attributes()));
                if (visible && update.authorizations() == null && update.resourceProfile() == null) {
                    return Reconciliation.done("PRO carries the updated values");
                }
                return Reconciliation.notDone(visible ? "PRO does not report access lists; the update is applied again"
                        : "PRO does not carry the updated values");
            default:
                return found.isEmpty() ? Reconciliation.done("version " + c.appVersion() + " is gone from PRO")
                        : Reconciliation.notDone("version " + c.appVersion() + " is still on PRO");
        }
    }

    /**
     * The before/after view for updates and deletes; null for publishes. It only informs: reads that
     * fail are noted in it and never stop the execution.
     */
    public BeforeAfter snapshot(ProAccount account, Claim c, CurrentAccess lastWrite) {
        if (c.type() == RequestType.PUBLISH || c.type() == RequestType.TASK) {
            return null;
        }
        return beforeAfter.compute(account, c.teamId(), c.type(), c.appName(), c.appVersion(), c.payload(), lastWrite);
    }

    private PublishMetadata metadata(Claim c) {
        return payloads.publish(c.payload());
    }

    private AppUpdate update(Claim c) {
        return payloads.update(c.payload());
    }

    /** The stored package, re-hashed against the approved SHA-256 before PRO is called. */
    private PackageSource source(RequestPackage pkg) {
        try {
            return store.verifiedSource(pkg);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean same(String a, String b) {
        return Objects.equals(a == null ? "" : a, b == null ? "" : b);
    }

    private static boolean sameCategory(String a, String b) {
        return (a == null ? "other" : a).equalsIgnoreCase(b == null ? "other" : b);
    }

    private static boolean carries(Map<String, String> actual, Map<String, String> expected) {
        if (expected == null) {
            return true;
        }
        Map<String, String> have = actual == null ? Map.of() : actual;
        return expected.entrySet().stream().allMatch(e -> Objects.equals(have.get(e.getKey()), e.getValue()));
    }
}
