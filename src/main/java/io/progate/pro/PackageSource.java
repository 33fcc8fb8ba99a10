package io.progate.pro;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The bytes of a file part (an .aimmspack or an icon), read as a stream so that a package never
 * has to be held in memory. {@link #open()} may be called more than once.
 */
public interface PackageSource {

    /** The file name sent with the part, such as {@code Transport-1.2.aimmspack}. */
    String fileName();

    /** A fresh stream over the bytes; the caller closes it. */
    InputStream open() throws IOException;

    /** The file on disk, when the bytes already are one (sent without copying); empty otherwise. */
    default Optional<Path> path() {
        return Optional.empty();
    }

    static PackageSource of(Path file) {
        return of(file, file.getFileName().toString());
    }

    static PackageSource of(Path file, String fileName) {
        return new PackageSource() {
            @Override
            public String fileName() {
                return fileName;
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public Optional<Path> path() {
                return Optional.of(file);
            }
        };
    }

    /** Bytes from wherever they are kept (a database large object, say), opened on demand. */
    static PackageSource of(String fileName, StreamOpener opener) {
        return new PackageSource() {
            @Override
            public String fileName() {
                return fileName;
            }

            @Override
            public InputStream open() throws IOException {
                return opener.open();
            }
        };
    }

    @FunctionalInterface
    interface StreamOpener {
        InputStream open() throws IOException;
    }
}
