package io.progate.diff;

import java.util.List;
import java.util.Locale;

/** The limits of one diff computation, in plain values (from {@link DiffConfig}, or chosen by a test). */
public record DiffLimits(List<String> textExtensions, long maxTextEntrySize, long maxBaseText, int maxDiffLines,
        int maxListedFiles, int contextLines) {

    static DiffLimits of(DiffConfig config) {
        return new DiffLimits(config.textExtensions(), config.maxTextEntrySize().asLongValue(),
                config.maxBaseText().asLongValue(), config.maxDiffLines(), config.maxListedFiles(),
                config.contextLines());
    }

    boolean isText(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return textExtensions.stream().anyMatch(ext -> lower.endsWith(ext.trim().toLowerCase(Locale.ROOT)));
    }
}
