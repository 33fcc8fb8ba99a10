package io.progate.packages;

import java.util.List;

/**
 * What inspection found in a package: whether it is a zip, its entries (the first ones, if many),
 * whether it carries a WebUI folder, and warnings for approvers.
 */
public record Inspection(boolean zip, long entryCount, List<String> entries, boolean entriesTruncated,
        boolean webUi, long expandedBytes, List<String> warnings) {

    public static Inspection none() {
        return new Inspection(false, 0, List.of(), false, false, 0, List.of());
    }

    public Inspection withWarning(String warning) {
        List<String> more = new java.util.ArrayList<>(warnings);
        more.add(warning);
        return new Inspection(zip, entryCount, entries, entriesTruncated, webUi, expandedBytes, List.copyOf(more));
    }
}
