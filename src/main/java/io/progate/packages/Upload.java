package io.progate.packages;

import java.nio.file.Path;

/** An uploaded file waiting on local disk (Quarkus spools multipart parts there). */
public record Upload(Path path, String fileName) {

    /** The file's size in bytes; 0 for no upload. */
    public static long sizeOf(Upload upload) {
        try {
            return upload == null ? 0 : java.nio.file.Files.size(upload.path());
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
