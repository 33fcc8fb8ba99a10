package io.progate.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.demo.DemoPackages;
import io.progate.fixtures.Zips;
import io.progate.packages.ManifestEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model diff of two packages, from their manifests and one streaming pass over each. */
class ModelDifferTest {

    private static final DiffLimits LIMITS = new DiffLimits(
            List.of(".ams", ".aimms", ".json", ".xml", ".txt", ".css", ".js"), 1024 * 1024, 32 * 1024 * 1024, 20000,
            2000, 3);

    private static List<ManifestEntry> manifest(byte[] zip) throws IOException {
        return ModelDiffer.manifestOf(new ByteArrayInputStream(zip), 1000);
    }

    private static ModelDiff diff(DiffLimits limits, byte[] base, byte[] current) throws IOException {
        return new ModelDiffer(limits).diff(manifest(base), () -> new ByteArrayInputStream(base), manifest(current),
                () -> new ByteArrayInputStream(current), 7L, "1.0", "Compared with 1.0.");
    }

    private static ModelDiff diff(byte[] base, byte[] current) throws IOException {
        return diff(LIMITS, base, current);
    }

    private static byte[] zip(Map<String, String> entries) {
        return Zips.zip(entries);
    }

    private static String lines(int from, int to, String word) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i <= to; i++) {
            s.append(word).append(' ').append(i).append('\n');
        }
        return s.toString();
    }

    @Test
    void theNextDemoVersionChangesExactlyOneModelSectionAndOneWebUiFileWithTheirLines() throws IOException {
        DemoPackages.App planner = DemoPackages.APPS.get(0);
        ModelDiff d = diff(DemoPackages.build(planner, 2), DemoPackages.next(planner));
        assertEquals(ModelDiff.Kind.FULL, d.kind());
        assertEquals(2, d.changed());
        assertEquals(0, d.added());
        assertEquals(0, d.removed());
        assertEquals(3, d.unchanged());
        assertEquals(List.of("MainProject/Planner.ams", "MainProject/WebUI/webui.json"),
                d.files().stream().map(FileDiff::path).toList(), ".ams first");
        FileDiff model = d.files().get(0);
        assertEquals(FileDiff.Change.CHANGED, model.change());
        assertTrue(model.text());
        assertEquals(2, model.linesAdded());
        assertEquals(2, model.linesRemoved());
        String unified = model.unified();
        assertTrue(unified.contains("-            Range: [0, 0.90 * Capacity(s,t)];"), unified);
        assertTrue(unified.contains("+            Range: [0, 0.95 * Capacity(s,t)];"), unified);
        assertTrue(unified.contains("+            Definition: Production(s,t) <= 55 [%] * sum(s2, Production(s2,t));"),
                unified);
        assertFalse(unified.contains("Section Procedures"), "only the changed section's lines and their context");
        FileDiff webUi = d.files().get(1);
        assertEquals(3, webUi.linesAdded());
        assertTrue(webUi.unified().contains("+  \"title\": \"Planner 1.3\","), webUi.unified());
    }

    @Test
    void hunksNumberTheirLinesInBothFilesAndPairChangesSideBySide() throws IOException {
        String before = lines(1, 20, "line");
        String after = before.replace("line 5\n", "line five\n").replace("line 18\n", "");
        ModelDiff d = diff(zip(Map.of("m.ams", before)), zip(Map.of("m.ams", after)));
        FileDiff f = d.files().get(0);
        assertEquals(2, f.hunks().size(), "changes 13 lines apart are two hunks with 3 lines of context");
        FileDiff.Hunk first = f.hunks().get(0);
        assertEquals("@@ -2,7 +2,7 @@", first.header());
        FileDiff.Row changed = first.rows().stream().filter(r -> r.kind().equals("changed")).findFirst().orElseThrow();
        assertEquals(5, changed.oldNo());
        assertEquals("line 5", changed.oldText());
        assertEquals(5, changed.newNo());
        assertEquals("line five", changed.newText());
        FileDiff.Hunk second = f.hunks().get(1);
        assertEquals("@@ -15,6 +15,5 @@", second.header());
        FileDiff.Row removed = second.rows().stream().filter(r -> r.kind().equals("removed")).findFirst().orElseThrow();
        assertEquals(18, removed.oldNo());
        assertNull(removed.newNo());
    }

    @Test
    void addedAndRemovedTextFilesShowAllTheirLinesAndBinaryChangesOnlySizes() throws IOException {
        Map<String, String> base = new LinkedHashMap<>();
        base.put("old.txt", "gone\n");
        base.put("img.bin", "AAAA");
        Map<String, String> current = new LinkedHashMap<>();
        current.put("new.json", "{\n}\n");
        current.put("img.bin", "BBBBBBBB");
        ModelDiff d = diff(zip(base), zip(current));
        assertEquals(1, d.added());
        assertEquals(1, d.removed());
        assertEquals(1, d.changed());
        FileDiff added = d.files().stream().filter(f -> f.path().equals("new.json")).findFirst().orElseThrow();
        assertEquals(FileDiff.Change.ADDED, added.change());
        assertEquals(2, added.linesAdded());
        assertNull(added.oldSize());
        FileDiff removed = d.files().stream().filter(f -> f.path().equals("old.txt")).findFirst().orElseThrow();
        assertEquals(1, removed.linesRemoved());
        assertNull(removed.newSize());
        FileDiff binary = d.files().get(d.files().size() - 1);
        assertEquals("img.bin", binary.path(), "files that are not text come last");
        assertFalse(binary.text());
        assertEquals(4L, binary.oldSize());
        assertEquals(8L, binary.newSize());
        assertTrue(binary.hunks().isEmpty());
    }

    @Test
    void aTextNamedFileWithBinaryBytesIsComparedBySizeAndHash() throws IOException {
        ModelDiff d = diff(zip(Map.of("data.json", "{}")), zip(Map.of("data.json", "{\u0000}")));
        FileDiff f = d.files().get(0);
        assertFalse(f.text());
        assertEquals(ModelDiffer.BINARY, f.note());
    }

    @Test
    void textFilesOverTheSizeLimitAreListedWithoutLines() throws IOException {
        DiffLimits small = new DiffLimits(LIMITS.textExtensions(), 100, 32 * 1024, 20000, 2000, 3);
        ModelDiff d = diff(small, zip(Map.of("big.ams", lines(1, 50, "x"), "small.ams", "a\n")),
                zip(Map.of("big.ams", lines(1, 51, "x"), "small.ams", "b\n")));
        FileDiff big = d.files().get(0);
        assertEquals("big.ams", big.path());
        assertEquals(ModelDiffer.TOO_LARGE, big.note());
        assertTrue(big.hunks().isEmpty());
        assertEquals(1, d.files().get(1).linesAdded(), "the small file still has its lines");
    }

    @Test
    void aDiffPastItsLineLimitIsTruncatedAndSaysSo() throws IOException {
        DiffLimits few = new DiffLimits(LIMITS.textExtensions(), 1024 * 1024, 32 * 1024, 10, 2000, 3);
        ModelDiff d = diff(few, zip(Map.of("a.ams", "1\n", "b.ams", lines(1, 30, "y"))),
                zip(Map.of("a.ams", "2\n", "b.ams", lines(1, 30, "z"))));
        assertTrue(d.truncated());
        assertTrue(d.note().contains("truncated"), d.note());
        assertEquals(2, d.files().get(0).hunks().get(0).lines().size(), "the first file fits");
        FileDiff b = d.files().get(1);
        assertEquals(ModelDiffer.LINES_LIMIT, b.note());
        assertTrue(b.hunks().isEmpty());
        assertEquals(30, b.linesAdded(), "line counts stay exact");
    }

    @Test
    void aDiffWithMoreFilesThanListedCountsThemAll() throws IOException {
        DiffLimits two = new DiffLimits(LIMITS.textExtensions(), 1024 * 1024, 32 * 1024, 100, 2, 3);
        ModelDiff d = diff(two, zip(Map.of("a.txt", "1")), zip(Map.of("a.txt", "2", "b.txt", "3", "c.txt", "4")));
        assertEquals(2, d.files().size());
        assertEquals(2, d.added());
        assertEquals(1, d.changed());
        assertTrue(d.truncated());
    }

    @Test
    void withoutTheEarlierContentFilesAreComparedByManifestOnly() throws IOException {
        byte[] base = zip(Map.of("m.ams", "a\n", "same.txt", "s"));
        byte[] current = zip(Map.of("m.ams", "b\n", "same.txt", "s"));
        ModelDiff d = new ModelDiffer(LIMITS).diff(manifest(base), null, manifest(current),
                () -> new ByteArrayInputStream(current), 7L, "1.0", "purged");
        assertEquals(ModelDiff.Kind.MANIFEST_ONLY, d.kind());
        assertEquals(1, d.changed());
        assertEquals(1, d.unchanged());
        assertEquals(ModelDiffer.NO_CONTENT, d.files().get(0).note());
        assertTrue(d.files().get(0).hunks().isEmpty());
    }

    @Test
    void aCorruptEarlierPackageFallsBackToTheManifestsAndSaysWhy() throws IOException {
        byte[] base = zip(Map.of("m.ams", "a\n"));
        byte[] current = zip(Map.of("m.ams", "b\n"));
        byte[] corrupt = java.util.Arrays.copyOf(base, base.length);
        for (int i = 30; i < corrupt.length - 30; i++) {
            corrupt[i] = (byte) 0xFF;
        }
        ModelDiff d = new ModelDiffer(LIMITS).diff(manifest(base), () -> new ByteArrayInputStream(corrupt),
                manifest(current), () -> new ByteArrayInputStream(current), 7L, "1.0", null);
        assertEquals(ModelDiff.Kind.MANIFEST_ONLY, d.kind());
        assertTrue(d.note().contains("could not be read"), d.note());
        assertEquals(1, d.changed());
    }

    @Test
    void utf8TextWithAByteOrderMarkIsText() {
        byte[] bom = "\uFEFFa\nb\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("a", "b"), ModelDiffer.decode(bom));
        assertNull(ModelDiffer.decode(new byte[] {(byte) 0xC3, (byte) 0x28}), "not UTF-8");
    }
}
