package io.progate.request;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small .aimmspack-like zips for tests, written with java.util.zip. */
public final class Zips {

    private Zips() {
    }

    /** An AIMMS project with a WebUI folder when {@code webUi}. */
    public static byte[] project(boolean webUi) {
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        entries.put("Project.aimms", "project file");
        entries.put("MainProject/Main.ams", "Model Main_Project { }");
        if (webUi) {
            entries.put("MainProject/WebUI/webui.json", "{\"pages\":[]}");
        }
        return zip(entries);
    }

    public static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** One entry of {@code size} zero bytes: compresses about a thousand times. */
    public static byte[] bomb(long size) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            writeZeros(zip, size);
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    static void writeZeros(OutputStream out, long size) throws IOException {
        byte[] block = new byte[64 * 1024];
        for (long left = size; left > 0; left -= block.length) {
            out.write(block, 0, (int) Math.min(block.length, left));
        }
    }

    public static Path file(byte[] content, String suffix) {
        try {
            Path file = Files.createTempFile("progate-test-", suffix);
            Files.write(file, content);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A WebUI project of about {@code bytes} that does not compress (random text). */
    public static byte[] bigProject(int bytes) {
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        entries.put("Project.aimms", "project file");
        entries.put("MainProject/Main.ams", "Model Main_Project { }");
        entries.put("MainProject/WebUI/webui.json", "{\"pages\":[]}");
        byte[] noise = new byte[bytes * 3 / 4];
        new java.util.Random(bytes).nextBytes(noise);
        entries.put("MainProject/data.bin", java.util.Base64.getEncoder().encodeToString(noise));
        return zip(entries);
    }
}
