package io.progate.request;

import java.nio.file.Path;

/** An uploaded file waiting on local disk (Quarkus spools multipart parts there). */
public record Upload(Path path, String fileName) {
}
