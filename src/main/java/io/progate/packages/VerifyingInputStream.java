package io.progate.packages;

import io.progate.common.Hashes;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Hashes a package while it is read (and so while it is sent) and refuses to end normally when the
 * bytes are not the approved ones: at the end of the stream it compares size and SHA-256 with what
 * was recorded at submission and throws {@link PackageMismatchException} on any difference.
 */
final class VerifyingInputStream extends FilterInputStream {

    private final MessageDigest digest = Hashes.sha256();
    private final String expectedSha256;
    private final long expectedSize;
    private long size;
    private boolean checked;

    VerifyingInputStream(InputStream in, String expectedSha256, long expectedSize) {
        super(in);
        this.expectedSha256 = expectedSha256;
        this.expectedSize = expectedSize;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            check();
        } else {
            digest.update((byte) b);
            grow(1);
        }
        return b;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        int n = in.read(target, offset, length);
        if (n < 0) {
            check();
        } else if (n > 0) {
            digest.update(target, offset, n);
            grow(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("a verified package stream is read whole, never skipped");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void grow(int n) throws PackageMismatchException {
        size += n;
        if (size > expectedSize) {
            throw new PackageMismatchException("the stored package is larger than the approved " + expectedSize
                    + " bytes; upload aborted");
        }
    }

    private void check() throws PackageMismatchException {
        if (checked) {
            return;
        }
        checked = true;
        String actual = HexFormat.of().formatHex(digest.digest());
        if (size != expectedSize || !actual.equalsIgnoreCase(expectedSha256)) {
            throw new PackageMismatchException("the package read for upload has SHA-256 " + actual + " (" + size
                    + " bytes), not the approved " + expectedSha256 + " (" + expectedSize + " bytes); upload aborted");
        }
    }
}
