package io.progate.packages;

/** One file of a zip package as its manifest keeps it: path in the archive, expanded size, SHA-256 of its bytes. */
public record ManifestEntry(String path, long size, String sha256) {
}
