package io.progate.diff;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * What a publish changes in its package compared with the package of the version it replaces: the files
 * added, removed and changed (by SHA-256), with line diffs of text files. {@code kind} says how far the
 * comparison went: {@code FULL} (content compared), {@code MANIFEST_ONLY} (the earlier package was purged or
 * unreadable: sizes and hashes only) or {@code NO_BASE} (no earlier package known). {@code note} says so in
 * words; {@code truncated} is true when a limit left files or lines out.
 */
@TemplateData
public record ModelDiff(Kind kind, Long baseRequestId, String baseVersion, String note, boolean truncated,
        int added, int removed, int changed, int unchanged, List<FileDiff> files) {

    public enum Kind {
        FULL, MANIFEST_ONLY, NO_BASE
    }

    static ModelDiff noBase(String note) {
        return new ModelDiff(Kind.NO_BASE, null, null, note, false, 0, 0, 0, 0, List.of());
    }

    /** The counts without the files, as the request's JSON carries them. */
    public Summary summary() {
        return new Summary(kind, baseRequestId, baseVersion, note, truncated, added, removed, changed, unchanged);
    }

    @JsonIgnore
    public boolean hasBase() {
        return kind != Kind.NO_BASE;
    }

    /** The model diff's counts, in a request's JSON. */
    public record Summary(Kind kind, Long baseRequestId, String baseVersion, String note, boolean truncated, int added,
            int removed, int changed, int unchanged) {
    }
}
