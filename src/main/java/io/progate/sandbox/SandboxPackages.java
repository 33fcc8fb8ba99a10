package io.progate.sandbox;

import io.progate.common.Hashes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** What arrived in a file part: size and SHA-256 read in chunks, and the bytes themselves when small. */
record SandboxPackages(long size, String sha256, byte[] bytes) {

    static SandboxPackages read(Path file, long keepUpTo) {
        MessageDigest digest = Hashes.sha256();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                size += n;
            }
            byte[] kept = size <= keepUpTo ? Files.readAllBytes(file) : null;
            return new SandboxPackages(size, HexFormat.of().formatHex(digest.digest()), kept);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read an uploaded part", e);
        }
    }
}
