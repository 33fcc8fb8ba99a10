package io.progate.packages;

import io.progate.common.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Looks inside an uploaded package without trusting it: a zip archive is read entry by entry
 * (nothing is written anywhere), entry names that are absolute or climb out with {@code ..} are
 * refused, and reading stops as soon as the expanded bytes exceed the ratio or the absolute cap.
 * The same single pass hashes each file, for the package's manifest ({@link ManifestEntry}).
 * Anything that is not a zip is accepted as opaque, with a warning.
 */
@ApplicationScoped
public class PackageInspector {

    static final String WEBUI_FOLDER = "WebUI";
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    /** Small archives may expand to this much before the ratio applies, so a tiny zip of text is not a bomb. */
    private static final long RATIO_FLOOR = 16L * 1024 * 1024;

    @Inject
    PackageConfig config;

    /** Inspects {@code file}; {@code webUiClaim} is the metadata's isWebUI ("true", "false" or null). */
    public Inspection inspect(Path file, String webUiClaim) throws IOException, PackageRefusedException {
        long size = Files.size(file);
        if (size == 0) {
            throw new PackageRefusedException("the package is empty");
        }
        Inspection found = isZip(file) ? readZip(file, size)
                : new Inspection(false, 0, List.of(), false, false, 0,
                        List.of("not a zip archive: accepted as an opaque file, its contents were not inspected"));
        return withClaimWarning(found, webUiClaim);
    }

    private static boolean isZip(Path file) throws IOException {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, 4);
            return n == 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5) && (head[3] == 4 || head[3] == 6);
        }
    }

    private Inspection readZip(Path file, long size) throws IOException, PackageRefusedException {
        long limit = Math.min(config.maxExpandedSize().asLongValue(),
                Math.max(RATIO_FLOOR, multiplyCapped(size, config.maxExpansionRatio())));
        List<String> listed = new ArrayList<>();
        List<ManifestEntry> manifest = new ArrayList<>();
        MessageDigest digest = Hashes.sha256();
        long count = 0;
        long files = 0;
        long expanded = 0;
        boolean webUi = false;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                checkName(name);
                count++;
                if (listed.size() < config.maxListedEntries()) {
                    listed.add(name);
                }
                webUi |= isWebUi(name);
                digest.reset();
                long entrySize = 0;
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                    entrySize += n;
                    expanded += n;
                    if (expanded > limit) {
                        throw new PackageRefusedException("the archive expands beyond " + limit
                                + " bytes; refused as a possible zip bomb");
                    }
                }
                files += entry.isDirectory() ? 0 : 1;
                if (!entry.isDirectory() && manifest.size() < config.maxManifestEntries()) {
                    manifest.add(new ManifestEntry(name, entrySize, HexFormat.of().formatHex(digest.digest())));
                }
            }
        } catch (ZipException | IllegalArgumentException e) {
            // IllegalArgumentException: an entry name that is not valid text in the archive's encoding
            throw new PackageRefusedException("the zip archive is corrupt and cannot be read");
        }
        if (count == 0) {
            throw new PackageRefusedException("the zip archive has no entries");
        }
        List<String> warnings = files <= manifest.size() ? List.<String>of()
                : List.of("the archive has more files than the manifest keeps (" + config.maxManifestEntries()
                        + "): the model diff covers the first ones only");
        return new Inspection(true, count, List.copyOf(listed), count > listed.size(), webUi, expanded, warnings,
                List.copyOf(manifest));
    }

    static void checkName(String name) throws PackageRefusedException {
        String normal = name.replace('\\', '/');
        if (normal.startsWith("/") || DRIVE.matcher(normal).matches()) {
            throw new PackageRefusedException("the archive holds an absolute path: " + excerpt(name));
        }
        for (String segment : normal.split("/")) {
            if (segment.equals("..")) {
                throw new PackageRefusedException("the archive holds a path that climbs out with '..': " + excerpt(name));
            }
        }
    }

    /** True for a folder named WebUI at any depth, or anything inside one. */
    static boolean isWebUi(String name) {
        String normal = name.replace('\\', '/');
        String[] segments = normal.split("/");
        int folders = normal.endsWith("/") ? segments.length : segments.length - 1;
        for (int i = 0; i < folders; i++) {
            if (segments[i].equalsIgnoreCase(WEBUI_FOLDER)) {
                return true;
            }
        }
        return false;
    }

    private static Inspection withClaimWarning(Inspection found, String claim) {
        if (!found.zip()) {
            return found;
        }
        boolean claimed = "true".equalsIgnoreCase(claim);
        if (claimed && !found.webUi()) {
            return found.withWarning("isWebUI is true but the package has no WebUI folder");
        }
        if (!claimed && found.webUi()) {
            return found.withWarning("the package has a WebUI folder but isWebUI is not true");
        }
        return found;
    }

    private static long multiplyCapped(long a, int b) {
        return a > Long.MAX_VALUE / Math.max(1, b) ? Long.MAX_VALUE : a * b;
    }

    private static String excerpt(String name) {
        return name.length() <= 120 ? name : name.substring(0, 120) + "…";
    }
}
