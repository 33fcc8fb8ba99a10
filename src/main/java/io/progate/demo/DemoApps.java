package io.progate.demo;

import io.progate.account.AccountConfig;
import io.progate.account.User;
import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.diff.ModelDiff;
import io.progate.diff.ModelDiffs;
import io.progate.packages.Inspection;
import io.progate.packages.PackageInspector;
import io.progate.packages.PackageRefusedException;
import io.progate.packages.PackageStore;
import io.progate.packages.RequestPackage;
import io.progate.pro.model.PublishMetadata;
import io.progate.request.Approval;
import io.progate.request.Decision;
import io.progate.request.Payloads;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestStatus;
import io.progate.request.RequestType;
import io.progate.sandbox.SandboxConfig;
import io.progate.sandbox.store.SandboxApp;
import io.progate.team.Team;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo apps ({@link DemoPackages#APPS}): each version published in the sandbox and recorded as a publish
 * ProGate carried out for the demo team, with its real package stored, so the catalog has apps and the first
 * new version a newcomer files is compared with the version it replaces. Once, when the demo team has no
 * requests yet.
 */
@ApplicationScoped
public class DemoApps {

    /** The AIMMS version the demo apps are published with (one the sandbox lists). */
    public static final String AIMMS = "24.6.2.9-linux64-x86-vc143";

    @Inject
    AccountConfig accounts;

    @Inject
    SandboxConfig sandbox;

    @Inject
    PackageInspector inspector;

    @Inject
    PackageStore store;

    @Inject
    ModelDiffs diffs;

    @Inject
    Payloads payloads;

    @Inject
    AuditLog audit;

    void create() {
        if (!accounts.demo().enabled() || !sandbox.enabled()) {
            return;
        }
        Long teamId = QuarkusTransaction.requiringNew().call(() -> Team.bySlug(DemoData.TEAM)
                .filter(t -> ReleaseRequest.count("team", t) == 0).map(t -> t.id).orElse(null));
        if (teamId == null) {
            return;
        }
        publish(teamId, "owner", "approver", DemoPackages.APPS);
        Log.infof("Demo apps published: %s; the next version of each is at /demo/packages/<model>.aimmspack",
                DemoPackages.APPS.stream().map(DemoPackages.App::name).toList());
    }

    /**
     * Publishes every version of {@code apps} in the sandbox and records each as a SUCCEEDED publish of the
     * team, filed by {@code author} and approved by {@code approver}, oldest first, each with its model diff.
     */
    public void publish(long teamId, String author, String approver, List<DemoPackages.App> apps) {
        for (DemoPackages.App app : apps) {
            ModelDiffs.Base base = null;
            for (int i = 0; i < app.versions().size(); i++) {
                base = version(teamId, author, approver, app, i, base);
            }
        }
    }

    private ModelDiffs.Base version(long teamId, String author, String approver, DemoPackages.App app, int index,
            ModelDiffs.Base base) {
        String version = app.versions().get(index);
        Path file;
        Inspection inspection;
        try {
            file = Files.createTempFile("progate-demo", ".aimmspack");
            Files.write(file, DemoPackages.build(app, index));
            inspection = inspector.inspect(file, "true");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a demo package", e);
        } catch (PackageRefusedException e) {
            throw new IllegalStateException("a demo package was refused: " + e.getMessage(), e);
        }
        try {
            ModelDiff diff = diffs.compute(file, inspection.manifest(), base);
            Instant at = Instant.now().minus(Duration.ofDays(7L * (app.versions().size() - index)));
            return QuarkusTransaction.requiringNew().call(() -> record(teamId, author, approver, app, index, file,
                    inspection, diff, at));
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                Log.debugf("could not delete %s", file);
            }
        }
    }

    private ModelDiffs.Base record(long teamId, String author, String approver, DemoPackages.App app, int index,
            Path file, Inspection inspection, ModelDiff diff, Instant at) {
        String version = app.versions().get(index);
        String previous = index == 0 ? null : app.versions().get(index - 1);
        Team team = Team.findById(teamId);
        PublishMetadata metadata = new PublishMetadata(app.name(), "The " + app.model().toLowerCase(java.util.Locale.ROOT)
                + " demo app, version " + version, version, AIMMS, app.category(), Map.of("isWebUI", "true"),
                previous == null ? null : PublishMetadata.NEW_VERSION_HIDE_OLD, previous == null ? null : app.name(),
                previous, null);
        RequestPackage pkg = store.store(file, app.fileName(version), inspection);
        ReleaseRequest r = new ReleaseRequest();
        r.team = team;
        r.author = User.byUsername(author).orElseThrow();
        r.type = RequestType.PUBLISH;
        r.status = RequestStatus.SUCCEEDED;
        r.reason = previous == null ? "First release of " + app.name() : "Next release of " + app.name();
        r.appName = app.name();
        r.appVersion = version;
        r.payload = payloads.write(metadata);
        r.pkg = pkg;
        r.requiredApprovals = 1;
        r.adminsMayApprove = true;
        r.createdAt = at;
        r.updatedAt = at;
        r.expiresAt = at.plus(Duration.ofDays(7));
        r.decidedAt = at;
        r.finishedAt = at;
        r.outcome = "{\"demo\":true}";
        r.persist();
        Approval approval = new Approval();
        approval.request = r;
        approval.approver = User.byUsername(approver).orElseThrow();
        approval.decision = Decision.APPROVE;
        approval.comment = "demo data";
        approval.createdAt = at;
        approval.persist();
        diffs.store(r.id, diff, at);
        sandboxApp(app, metadata, pkg, previous);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", "PUBLISH");
        details.put("appName", r.appName);
        details.put("appVersion", r.appVersion);
        details.put("status", r.status.name());
        details.put("demo", true);
        details.put("sha256", pkg.sha256);
        audit.record(AuditRecord.of("request.seed", "request", r.id.toString()).team(teamId).actor(AuditLog.SYSTEM)
                .details(details));
        return new ModelDiffs.Base(r.id, version, pkg);
    }

    /** The version as the sandbox keeps a publish: latest, and the version it replaces hidden. */
    private void sandboxApp(DemoPackages.App app, PublishMetadata metadata, RequestPackage pkg, String previous) {
        if (SandboxApp.byNameAndVersion(app.name(), metadata.projectVersion()).isPresent()) {
            return;
        }
        for (SandboxApp older : SandboxApp.versionsOf(app.name())) {
            older.latest = false;
            older.hidden = older.hidden || older.projectVersion.equals(previous);
        }
        SandboxApp row = new SandboxApp();
        row.name = app.name();
        row.projectVersion = metadata.projectVersion();
        row.description = metadata.description();
        row.aimmsVersionId = AIMMS;
        row.projectCategory = app.category();
        row.attributes = "{\"isWebUI\":\"true\"}";
        row.latest = true;
        row.packageName = pkg.fileName;
        row.packageSize = pkg.sizeBytes;
        row.packageSha256 = pkg.sha256;
        row.persist();
    }
}
