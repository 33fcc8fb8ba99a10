package io.progate.packages;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What inspection found in a package: whether it is a zip, its entries (the first ones, if many),
 * whether it carries a WebUI folder, and warnings for approvers. {@code manifest} (every file's path,
 * size and SHA-256, up to {@code progate.requests.max-manifest-entries}) is stored in rows of its own
 * ({@link PackageManifests}), not in the inspection's JSON.
 */
public record Inspection(boolean zip, long entryCount, List<String> entries, boolean entriesTruncated,
        boolean webUi, long expandedBytes, List<String> warnings, @JsonIgnore List<ManifestEntry> manifest) {

    public Inspection {
        manifest = manifest == null ? List.of() : manifest;
    }

    public Inspection(boolean zip, long entryCount, List<String> entries, boolean entriesTruncated, boolean webUi,
            long expandedBytes, List<String> warnings) {
        this(zip, entryCount, entries, entriesTruncated, webUi, expandedBytes, warnings, List.of());
    }

    public static Inspection none() {
        return new Inspection(false, 0, List.of(), false, false, 0, List.of());
    }

    public Inspection withWarning(String warning) {
        List<String> more = new java.util.ArrayList<>(warnings);
        more.add(warning);
        return new Inspection(zip, entryCount, entries, entriesTruncated, webUi, expandedBytes, List.copyOf(more),
                manifest);
    }
}
