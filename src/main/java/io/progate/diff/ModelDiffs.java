package io.progate.diff;

import io.progate.packages.ManifestEntry;
import io.progate.packages.PackageConfig;
import io.progate.packages.PackageManifests;
import io.progate.packages.PackageStore;
import io.progate.packages.RequestPackage;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The model diff of a publish: computed once when it is filed, from the new package (still the uploaded file)
 * and the stored package of the version it replaces, then stored with the request and never recomputed, so
 * approvers see what they approve and it cannot change afterwards.
 */
@ApplicationScoped
public class ModelDiffs {

    @Inject
    DiffConfig config;

    @Inject
    PackageConfig packages;

    @Inject
    PackageStore store;

    @Inject
    PackageManifests manifests;

    /** The package a publish is compared with: the request that published it, its version, its package. */
    public record Base(long requestId, String version, RequestPackage pkg) {
    }

    /**
     * Compares the uploaded {@code file} (whose manifest inspection produced) with {@code base}; null base: no
     * earlier package known. Reads outside any transaction; the result is stored by {@link #store}.
     */
    public ModelDiff compute(Path file, List<ManifestEntry> manifest, Base base) {
        if (base == null) {
            return ModelDiff.noBase("No earlier package of this app is known to ProGate (no publish of it succeeded"
                    + " through ProGate), so there is nothing to compare with: every file is new to approvers.");
        }
        ModelDiffer differ = new ModelDiffer(DiffLimits.of(config));
        String label = "version " + base.version() + " (request #" + base.requestId() + ")";
        List<ManifestEntry> before = manifests.of(base.pkg().id);
        if (base.pkg().isPurged()) {
            if (before.isEmpty()) {
                return ModelDiff.noBase("The package of " + label + " was purged before ProGate kept manifests,"
                        + " so there is nothing to compare with.");
            }
            return differ.diff(before, null, manifest, () -> Files.newInputStream(file), base.requestId(),
                    base.version(), "Compared with " + label + ", whose package was purged by retention: files are"
                            + " compared by size and SHA-256 only, without lines.");
        }
        ModelDiffer.Source baseContent = () -> store.open(base.pkg());
        if (before.isEmpty()) {
            try (InputStream in = baseContent.open()) {
                before = ModelDiffer.manifestOf(in, packages.maxManifestEntries());
            } catch (IOException | RuntimeException e) {
                // a corrupt archive (ZipException, IllegalArgumentException) or content that cannot be opened
                Log.warnf("Could not read the package of request %d for a diff: %s", base.requestId(), e.getMessage());
                return ModelDiff.noBase("The package of " + label + " could not be read, so there is nothing to"
                        + " compare with.");
            }
        }
        return differ.diff(before, baseContent, manifest, () -> Files.newInputStream(file), base.requestId(),
                base.version(), "Compared with the package of " + label + ".");
    }

    /** Stores the diff of a request just filed, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(long requestId, ModelDiff diff, Instant at) {
        RequestDiff row = new RequestDiff();
        row.requestId = requestId;
        row.baseRequestId = diff.baseRequestId();
        row.kind = diff.kind();
        row.body = RequestDiff.write(diff);
        row.createdAt = at;
        row.persist();
    }

    public Optional<ModelDiff> of(long requestId) {
        return RequestDiff.forRequest(requestId);
    }
}
