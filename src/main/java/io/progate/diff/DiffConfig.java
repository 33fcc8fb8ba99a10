package io.progate.diff;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Limits of the model diff computed when a publish is filed ({@link ModelDiffs}). */
@ConfigMapping(prefix = "progate.diff")
public interface DiffConfig {

    /** File name endings whose changes are shown line by line; anything else is compared by size and SHA-256. */
    @WithDefault(".ams,.aimms,.json,.xml,.txt,.css,.js")
    List<String> textExtensions();

    /** A text file larger than this (in either package) is listed as changed, without its lines. */
    @WithDefault("1M")
    MemorySize maxTextEntrySize();

    /** Text of the earlier package held in memory at once while diffing; files past it are listed without lines. */
    @WithDefault("32M")
    MemorySize maxBaseText();

    /** Diff lines (context, removed, added) stored for one request in all; later files are listed without lines. */
    @WithDefault("20000")
    int maxDiffLines();

    /** Files listed in one diff; the rest are counted only. */
    @WithDefault("2000")
    int maxListedFiles();

    /** Unchanged lines shown around each change. */
    @WithDefault("3")
    int contextLines();
}
