package io.progate.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import io.progate.common.Hashes;
import io.progate.packages.ManifestEntry;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Compares two zip packages by their manifests, then reads each package once, as a stream, for the text
 * files whose lines differ: the earlier package first, keeping only the text files that changed or went
 * (at most {@link DiffLimits#maxBaseText()} bytes), then the new one, diffing each changed text file as it
 * passes. Nothing else is held in memory; every limit that leaves something out says so in a note.
 */
public final class ModelDiffer {

    static final String TOO_LARGE = "too large for a line diff";
    static final String BINARY = "binary: compared by size and SHA-256";
    static final String NOT_TEXT = "not UTF-8 text: compared by size and SHA-256";
    static final String LINES_LIMIT = "lines not shown: the diff reached its limit of lines";
    static final String MEMORY_LIMIT = "lines not shown: the diff reached its memory limit for the earlier package";
    static final String NO_CONTENT = "content not compared: only sizes and SHA-256 are known";

    /** Opens a package's bytes; called once per pass. */
    public interface Source {
        InputStream open() throws IOException;
    }

    private final DiffLimits limits;

    public ModelDiffer(DiffLimits limits) {
        this.limits = limits;
    }

    /**
     * The diff of {@code current} against {@code base}. {@code baseContent} null means the earlier package's
     * bytes are gone: sizes and hashes only ({@code MANIFEST_ONLY}, with {@code note}).
     */
    public ModelDiff diff(List<ManifestEntry> base, Source baseContent, List<ManifestEntry> current,
            Source currentContent, Long baseRequestId, String baseVersion, String note) {
        Map<String, ManifestEntry> before = byPath(base);
        Map<String, ManifestEntry> after = byPath(current);
        List<ManifestEntry[]> differing = new ArrayList<>();
        int added = 0;
        int removed = 0;
        int changed = 0;
        int unchanged = 0;
        for (ManifestEntry now : after.values()) {
            ManifestEntry old = before.get(now.path());
            if (old == null) {
                added++;
                differing.add(new ManifestEntry[] {null, now});
            } else if (!old.sha256().equalsIgnoreCase(now.sha256())) {
                changed++;
                differing.add(new ManifestEntry[] {old, now});
            } else {
                unchanged++;
            }
        }
        for (ManifestEntry old : before.values()) {
            if (!after.containsKey(old.path())) {
                removed++;
                differing.add(new ManifestEntry[] {old, null});
            }
        }
        differing.sort(Comparator.<ManifestEntry[]>comparingInt(pair -> rank(path(pair))).thenComparing(ModelDiffer::path));
        boolean truncated = differing.size() > limits.maxListedFiles();
        List<ManifestEntry[]> listed = truncated ? differing.subList(0, limits.maxListedFiles()) : differing;
        ModelDiff.Kind kind = baseContent == null ? ModelDiff.Kind.MANIFEST_ONLY : ModelDiff.Kind.FULL;
        String why = note;
        List<FileDiff> files;
        if (baseContent == null) {
            files = withoutLines(listed, NO_CONTENT);
        } else {
            try {
                Lines lines = new Lines(listed);
                lines.readBase(baseContent);
                lines.readCurrent(currentContent);
                files = lines.files();
                truncated |= lines.truncated;
            } catch (IOException | IllegalArgumentException e) {
                // IllegalArgumentException: ZipInputStream's answer to an entry name that is not valid text
                kind = ModelDiff.Kind.MANIFEST_ONLY;
                why = "The packages could not be read for a line diff (" + e.getMessage()
                        + "): files are compared by size and SHA-256 only.";
                files = withoutLines(listed, NO_CONTENT);
            }
        }
        if (truncated && why == null) {
            why = "The diff is truncated: it reached its limits, so some files or lines are not shown.";
        } else if (truncated) {
            why = why + " The diff is truncated: it reached its limits, so some files or lines are not shown.";
        }
        return new ModelDiff(kind, baseRequestId, baseVersion, why, truncated, added, removed, changed, unchanged,
                files);
    }

    /** The manifest of a zip read from {@code in}: for an earlier package stored before manifests were kept. */
    public static List<ManifestEntry> manifestOf(InputStream in, int maxEntries) throws IOException {
        List<ManifestEntry> manifest = new ArrayList<>();
        MessageDigest digest = Hashes.sha256();
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(in))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null && manifest.size() < maxEntries) {
                if (entry.isDirectory()) {
                    continue;
                }
                digest.reset();
                long size = 0;
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    digest.update(buffer, 0, n);
                    size += n;
                }
                manifest.add(new ManifestEntry(entry.getName(), size, HexFormat.of().formatHex(digest.digest())));
            }
        }
        return manifest;
    }

    /** .ams model sources first, then other text files, then the rest; by path within each. */
    private int rank(String path) {
        if (path.toLowerCase(java.util.Locale.ROOT).endsWith(".ams")) {
            return 0;
        }
        return limits.isText(path) ? 1 : 2;
    }

    private static String path(ManifestEntry[] pair) {
        return pair[1] != null ? pair[1].path() : pair[0].path();
    }

    private static Map<String, ManifestEntry> byPath(List<ManifestEntry> manifest) {
        Map<String, ManifestEntry> map = new LinkedHashMap<>();
        for (ManifestEntry e : manifest) {
            map.putIfAbsent(e.path(), e);
        }
        return map;
    }

    private List<FileDiff> withoutLines(List<ManifestEntry[]> listed, String note) {
        return listed.stream().map(pair -> file(pair, limits.isText(path(pair)) ? note : null, null)).toList();
    }

    private static FileDiff file(ManifestEntry[] pair, String note, Diffed diffed) {
        ManifestEntry old = pair[0];
        ManifestEntry now = pair[1];
        FileDiff.Change change = old == null ? FileDiff.Change.ADDED
                : now == null ? FileDiff.Change.REMOVED : FileDiff.Change.CHANGED;
        return new FileDiff(path(pair), change, diffed != null, old == null ? null : old.size(),
                now == null ? null : now.size(), diffed == null ? 0 : diffed.added, diffed == null ? 0 : diffed.removed,
                note, diffed == null || diffed.hunks == null ? List.of() : diffed.hunks);
    }

    /** The line-diff pass over both packages. */
    private final class Lines {

        private final List<ManifestEntry[]> listed;
        /** Listed text files whose lines are wanted, by path. */
        private final Map<String, ManifestEntry[]> wanted = new HashMap<>();
        private final Map<String, String> notes = new HashMap<>();
        private final Map<String, List<String>> baseText = new HashMap<>();
        private final Map<String, Diffed> diffed = new HashMap<>();
        private long baseBytes;
        private int linesLeft = limits.maxDiffLines();
        /** Files whose hunks are kept, by display order. */
        private final java.util.TreeMap<String, String> kept = new java.util.TreeMap<>();
        boolean truncated;

        Lines(List<ManifestEntry[]> listed) {
            this.listed = listed;
            for (ManifestEntry[] pair : listed) {
                String path = path(pair);
                if (!limits.isText(path)) {
                    continue;
                }
                boolean tooLarge = (pair[0] != null && pair[0].size() > limits.maxTextEntrySize())
                        || (pair[1] != null && pair[1].size() > limits.maxTextEntrySize());
                if (tooLarge) {
                    notes.put(path, TOO_LARGE);
                } else {
                    wanted.put(path, pair);
                }
            }
        }

        void readBase(Source source) throws IOException {
            Set<String> needed = new java.util.HashSet<>();
            wanted.forEach((path, pair) -> {
                if (pair[0] != null) {
                    needed.add(path);
                }
            });
            read(source, needed, (path, bytes) -> {
                if (baseBytes + bytes.length > limits.maxBaseText()) {
                    notes.put(path, MEMORY_LIMIT);
                    truncated = true;
                    return;
                }
                List<String> text = decode(bytes);
                if (text == null) {
                    notes.put(path, isBinary(bytes) ? BINARY : NOT_TEXT);
                    return;
                }
                baseBytes += bytes.length;
                baseText.put(path, text);
            });
        }

        void readCurrent(Source source) throws IOException {
            Set<String> needed = new java.util.HashSet<>();
            wanted.forEach((path, pair) -> {
                if (pair[1] != null && !notes.containsKey(path)) {
                    needed.add(path);
                }
            });
            read(source, needed, (path, bytes) -> {
                List<String> text = decode(bytes);
                if (text == null) {
                    notes.put(path, isBinary(bytes) ? BINARY : NOT_TEXT);
                    return;
                }
                ManifestEntry[] pair = wanted.get(path);
                List<String> old = pair[0] == null ? List.of() : baseText.get(path);
                if (old == null) {
                    notes.putIfAbsent(path, NO_CONTENT);
                    return;
                }
                diffed.put(path, lineDiff(path, old, text));
            });
            for (ManifestEntry[] pair : listed) {
                String path = path(pair);
                if (pair[1] == null && wanted.containsKey(path) && baseText.containsKey(path)) {
                    diffed.put(path, lineDiff(path, baseText.get(path), List.of()));
                }
            }
        }

        /**
         * Diffs one file and keeps its hunks within the line limit. Files arrive in archive order, but the limit
         * goes to them in display order (.ams first): a file that does not fit pushes out hunks kept for files
         * shown after it, so memory stays within the limit and the model's sources keep their lines.
         */
        private Diffed lineDiff(String path, List<String> old, List<String> now) {
            Diffed d = Hunks.of(old, now, limits.contextLines());
            int size = size(d);
            String key = rank(path) + path;
            while (size > linesLeft && !kept.isEmpty() && kept.lastKey().compareTo(key) > 0) {
                String evicted = kept.pollLastEntry().getValue();
                Diffed gone = diffed.get(evicted);
                linesLeft += size(gone);
                diffed.put(evicted, new Diffed(gone.added, gone.removed, null));
                notes.put(evicted, LINES_LIMIT);
                truncated = true;
            }
            if (size > linesLeft) {
                notes.put(path, LINES_LIMIT);
                truncated = true;
                return new Diffed(d.added, d.removed, null);
            }
            linesLeft -= size;
            kept.put(key, path);
            return d;
        }

        private static int size(Diffed d) {
            return d.hunks == null ? 0 : d.hunks.stream().mapToInt(h -> h.lines().size()).sum();
        }

        List<FileDiff> files() {
            List<FileDiff> files = new ArrayList<>(listed.size());
            for (ManifestEntry[] pair : listed) {
                String path = path(pair);
                Diffed d = diffed.get(path);
                String note = notes.get(path);
                if (d == null && note == null && limits.isText(path)) {
                    note = NO_CONTENT;
                }
                files.add(file(pair, note, d));
            }
            return files;
        }
    }

    /** Reads the named files of a zip stream, each in full (their sizes were checked against the limits). */
    private void read(Source source, Set<String> needed, java.util.function.BiConsumer<String, byte[]> found)
            throws IOException {
        if (needed.isEmpty()) {
            return;
        }
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(source.open()))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (!needed.remove(entry.getName())) {
                    continue;
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    if (bytes.size() + n > limits.maxTextEntrySize()) {
                        throw new IOException("the file " + entry.getName() + " is larger than its manifest says");
                    }
                    bytes.write(buffer, 0, n);
                }
                found.accept(entry.getName(), bytes.toByteArray());
                if (needed.isEmpty()) {
                    return;
                }
            }
        }
    }

    /** The lines of UTF-8 text; null for bytes that are binary (a NUL) or not UTF-8. */
    static List<String> decode(byte[] bytes) {
        if (isBinary(bytes)) {
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return text.lines().toList();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isBinary(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** Line counts and hunks of one file; {@code hunks} null when they were left out. */
    record Diffed(int added, int removed, List<FileDiff.Hunk> hunks) {
    }

    /** Builds unified hunks, with line numbers, from java-diff-utils' deltas. */
    static final class Hunks {

        private Hunks() {
        }

        static Diffed of(List<String> old, List<String> now, int context) {
            List<AbstractDelta<String>> deltas = DiffUtils.diff(old, now).getDeltas();
            int added = 0;
            int removed = 0;
            for (AbstractDelta<String> d : deltas) {
                added += d.getTarget().size();
                removed += d.getSource().size();
            }
            List<FileDiff.Hunk> hunks = new ArrayList<>();
            int i = 0;
            while (i < deltas.size()) {
                int j = i;
                while (j + 1 < deltas.size() && deltas.get(j + 1).getSource().getPosition()
                        - end(deltas.get(j)) <= 2 * context) {
                    j++;
                }
                hunks.add(hunk(old, now, deltas.subList(i, j + 1), context));
                i = j + 1;
            }
            return new Diffed(added, removed, hunks);
        }

        private static int end(AbstractDelta<String> d) {
            return d.getSource().getPosition() + d.getSource().size();
        }

        private static FileDiff.Hunk hunk(List<String> old, List<String> now, List<AbstractDelta<String>> group,
                int context) {
            AbstractDelta<String> first = group.get(0);
            int oldStart = Math.max(0, first.getSource().getPosition() - context);
            int newStart = first.getTarget().getPosition() - (first.getSource().getPosition() - oldStart);
            int oldEnd = Math.min(old.size(), end(group.get(group.size() - 1)) + context);
            List<FileDiff.Line> lines = new ArrayList<>();
            int o = oldStart;
            int n = newStart;
            for (AbstractDelta<String> d : group) {
                for (; o < d.getSource().getPosition(); o++, n++) {
                    lines.add(new FileDiff.Line(" ", o + 1, n + 1, old.get(o)));
                }
                for (String line : d.getSource().getLines()) {
                    lines.add(new FileDiff.Line("-", ++o, null, line));
                }
                for (String line : d.getTarget().getLines()) {
                    lines.add(new FileDiff.Line("+", null, ++n, line));
                }
            }
            for (; o < oldEnd && n < now.size(); o++, n++) {
                lines.add(new FileDiff.Line(" ", o + 1, n + 1, old.get(o)));
            }
            int oldCount = o - oldStart;
            int newCount = n - newStart;
            return new FileDiff.Hunk(oldCount == 0 ? oldStart : oldStart + 1, oldCount,
                    newCount == 0 ? newStart : newStart + 1, newCount, lines);
        }
    }
}
