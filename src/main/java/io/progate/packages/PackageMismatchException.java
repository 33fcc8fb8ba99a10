package io.progate.packages;

import java.io.IOException;

/**
 * The bytes read back from the package store are not the ones that were approved: their SHA-256 (or
 * size) differs from the one recorded at submission. Thrown at the end of the stream, before the
 * last byte is handed on, so an upload fed from it is aborted.
 */
public class PackageMismatchException extends IOException {

    public PackageMismatchException(String message) {
        super(message);
    }
}
