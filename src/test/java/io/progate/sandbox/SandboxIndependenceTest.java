package io.progate.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sandbox is a twin of PRO written from AIMMS's documentation, not from ProGate's client: no
 * source file and no compiled class of the sandbox may refer to {@code io.progate.pro}, or a
 * mistake shared by both halves would pass every test.
 */
class SandboxIndependenceTest {

    private static final Path SOURCES = Path.of("src/main/java/io/progate/sandbox");
    private static final Path CLASSES = Path.of("target/classes/io/progate/sandbox");

    @Test
    void noSandboxSourceMentionsTheProClientPackage() throws IOException {
        List<Path> offenders = files(SOURCES, ".java").stream()
                .filter(file -> read(file).contains("io.progate.pro."))
                .toList();
        assertTrue(files(SOURCES, ".java").size() > 20, "the sandbox sources were not found");
        assertEquals(List.of(), offenders);
    }

    @Test
    void noCompiledSandboxClassReferencesTheProClientPackage() throws IOException {
        List<Path> classes = files(CLASSES, ".class");
        assertFalse(classes.isEmpty(), "the sandbox classes were not found: compile first");
        List<Path> offenders = classes.stream()
                .filter(file -> new String(bytes(file), StandardCharsets.ISO_8859_1).contains("io/progate/pro/"))
                .toList();
        assertEquals(List.of(), offenders);
    }

    @Test
    void theScanFindsSuchReferencesWhereTheyExist() {
        Path client = Path.of("target/classes/io/progate/execution/ProOperations.class");
        assertTrue(new String(bytes(client), StandardCharsets.ISO_8859_1).contains("io/progate/pro/"));
        assertTrue(read(Path.of("src/main/java/io/progate/execution/ProOperations.java")).contains("io.progate.pro."));
        assertFalse(new String(bytes(Path.of("target/classes/io/progate/procheck/ProCheck.class")),
                StandardCharsets.ISO_8859_1).contains("io/progate/pro/"), "procheck is not the client package");
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static String read(Path file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
