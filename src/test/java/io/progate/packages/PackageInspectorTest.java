package io.progate.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.fixtures.Zips;
import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackageInspectorTest {

    private static PackageInspector inspector(long maxExpanded, int ratio, int listed) {
        return inspector(maxExpanded, ratio, listed, 20000);
    }

    private static PackageInspector inspector(long maxExpanded, int ratio, int listed, int manifest) {
        PackageInspector inspector = new PackageInspector();
        inspector.config = new PackageConfig() {
            public java.nio.file.Path packageDirectory() {
                return java.nio.file.Path.of("target/test-packages");
            }

            public int maxExpansionRatio() {
                return ratio;
            }

            public MemorySize maxExpandedSize() {
                return new MemorySize(BigInteger.valueOf(maxExpanded));
            }

            public int maxListedEntries() {
                return listed;
            }

            public int maxManifestEntries() {
                return manifest;
            }
        };
        return inspector;
    }

    private static final PackageInspector DEFAULT = inspector(8L << 30, 100, 500);

    @Test
    void listsEntriesAndFindsTheWebUiFolder() throws Exception {
        Inspection found = DEFAULT.inspect(Zips.file(Zips.project(true), ".aimmspack"), "true");
        assertTrue(found.zip());
        assertTrue(found.webUi());
        assertEquals(3, found.entryCount());
        assertTrue(found.entries().contains("MainProject/WebUI/webui.json"));
        assertTrue(found.warnings().isEmpty(), found.warnings().toString());
    }

    @Test
    void theManifestHoldsEachFilesPathSizeAndSha256FromTheSamePass() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("MainProject/", "");
        entries.put("MainProject/Main.ams", "Model Main { }");
        entries.put("Project.aimms", "");
        Inspection found = DEFAULT.inspect(Zips.file(Zips.zip(entries), ".aimmspack"), null);
        assertEquals(java.util.List.of(
                new ManifestEntry("MainProject/Main.ams", 14, io.progate.common.Hashes.sha256Hex("Model Main { }")),
                new ManifestEntry("Project.aimms", 0, io.progate.common.Hashes.sha256Hex(""))), found.manifest(),
                "files only, folders left out");
    }

    @Test
    void aManifestPastItsLimitKeepsTheFirstFilesAndWarns() throws Exception {
        Inspection found = inspector(8L << 30, 100, 500, 2).inspect(Zips.file(Zips.project(true), ".aimmspack"),
                "true");
        assertEquals(2, found.manifest().size());
        assertTrue(found.warnings().get(0).contains("more files than the manifest keeps"), found.warnings().toString());
    }

    @Test
    void warnsWhenIsWebUiIsTrueButThereIsNoWebUiFolder() throws Exception {
        Inspection found = DEFAULT.inspect(Zips.file(Zips.project(false), ".aimmspack"), "true");
        assertFalse(found.webUi());
        assertEquals(1, found.warnings().size());
        assertTrue(found.warnings().get(0).contains("no WebUI folder"));
    }

    @Test
    void warnsWhenThePackageHasAWebUiFolderButIsWebUiIsNotTrue() throws Exception {
        Inspection found = DEFAULT.inspect(Zips.file(Zips.project(true), ".aimmspack"), null);
        assertTrue(found.warnings().get(0).contains("isWebUI is not true"), found.warnings().toString());
    }

    @Test
    void aFileThatIsNotAZipIsAcceptedAsOpaqueWithAWarning() throws Exception {
        Inspection found = DEFAULT.inspect(Zips.file("just text".getBytes(), ".aimmspack"), "true");
        assertFalse(found.zip());
        assertEquals(0, found.entryCount());
        assertTrue(found.warnings().get(0).contains("not a zip archive"));
    }

    @Test
    void refusesAnEmptyFileAndAnEmptyZip() {
        assertThrows(PackageRefusedException.class, () -> DEFAULT.inspect(Zips.file(new byte[0], ".aimmspack"), null));
        PackageRefusedException e = assertThrows(PackageRefusedException.class,
                () -> DEFAULT.inspect(Zips.file(Zips.zip(Map.of()), ".aimmspack"), null));
        assertTrue(e.getMessage().contains("no entries"));
    }

    @Test
    void refusesPathsThatClimbOut() {
        for (String name : new String[] {"../evil.sh", "a/../../evil", "MainProject\\..\\..\\x", ".."}) {
            Path file = Zips.file(Zips.zip(Map.of("ok.txt", "fine", name, "bad")), ".aimmspack");
            PackageRefusedException e = assertThrows(PackageRefusedException.class, () -> DEFAULT.inspect(file, null), name);
            assertTrue(e.getMessage().contains(".."), e.getMessage());
        }
    }

    @Test
    void refusesAbsolutePaths() {
        for (String name : new String[] {"/etc/passwd", "\\windows\\x", "C:/x.ams", "c:\\y"}) {
            Path file = Zips.file(Zips.zip(Map.of(name, "bad")), ".aimmspack");
            PackageRefusedException e = assertThrows(PackageRefusedException.class, () -> DEFAULT.inspect(file, null), name);
            assertTrue(e.getMessage().contains("absolute"), e.getMessage());
        }
    }

    @Test
    void acceptsNamesThatOnlyLookLikeClimbing() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("a..b/c...d", "x");
        entries.put("..hidden", "y");
        assertEquals(2, DEFAULT.inspect(Zips.file(Zips.zip(entries), ".aimmspack"), null).entryCount());
    }

    @Test
    void stopsReadingAZipBombBeyondTheExpansionRatio() {
        byte[] bomb = Zips.bomb(40L * 1024 * 1024);
        assertTrue(bomb.length < 200_000, "compressed to " + bomb.length);
        PackageRefusedException e = assertThrows(PackageRefusedException.class,
                () -> DEFAULT.inspect(Zips.file(bomb, ".aimmspack"), null));
        assertTrue(e.getMessage().contains("zip bomb"), e.getMessage());
    }

    @Test
    void stopsReadingBeyondTheAbsoluteCapWhateverTheRatio() {
        PackageInspector strict = inspector(1024 * 1024, 1_000_000, 500);
        byte[] big = Zips.bomb(2L * 1024 * 1024);
        assertThrows(PackageRefusedException.class, () -> strict.inspect(Zips.file(big, ".aimmspack"), null));
    }

    @Test
    void aModestRatioUnderTheFloorIsFine() throws Exception {
        Inspection found = DEFAULT.inspect(Zips.file(Zips.bomb(4L * 1024 * 1024), ".aimmspack"), null);
        assertEquals(4L * 1024 * 1024, found.expandedBytes());
    }

    @Test
    void listsOnlyTheFirstEntriesButCountsThemAll() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            entries.put("file" + i + ".txt", "x");
        }
        Inspection found = inspector(8L << 30, 100, 5).inspect(Zips.file(Zips.zip(entries), ".aimmspack"), null);
        assertEquals(12, found.entryCount());
        assertEquals(5, found.entries().size());
        assertTrue(found.entriesTruncated());
    }

    /** A small project whose bytes past the first header are overwritten with {@code fill}. */
    private static byte[] corrupted(int fill) {
        byte[] zip = Zips.project(false);
        byte[] corrupt = java.util.Arrays.copyOf(zip, zip.length);
        for (int i = 30; i < corrupt.length - 30; i++) {
            corrupt[i] = (byte) fill;
        }
        return corrupt;
    }

    @Test
    void refusesACorruptZip() {
        byte[] corrupt = corrupted(0x5a);
        assertThrows(PackageRefusedException.class, () -> DEFAULT.inspect(Zips.file(corrupt, ".aimmspack"), null));
    }

    @Test
    void refusesAZipWhoseEntryNamesAreNotText() {
        byte[] corrupt = corrupted(0xFF);
        PackageRefusedException e = assertThrows(PackageRefusedException.class,
                () -> DEFAULT.inspect(Zips.file(corrupt, ".aimmspack"), null));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void webUiMeansAFolderNotAFileNamedSo() {
        assertTrue(PackageInspector.isWebUi("WebUI/"));
        assertTrue(PackageInspector.isWebUi("Main/webui/page.json"));
        assertFalse(PackageInspector.isWebUi("Main/WebUI"));
        assertFalse(PackageInspector.isWebUi("Main/WebUIx/page.json"));
    }
}
