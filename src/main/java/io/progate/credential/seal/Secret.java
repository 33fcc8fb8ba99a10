package io.progate.credential.seal;

import java.util.Arrays;

/**
 * An opened PRO API key, lent to a callback and wiped when it returns. Never printed: {@link #toString()}
 * is a mask.
 */
public final class Secret implements AutoCloseable {

    private final char[] value;

    public Secret(char[] value) {
        this.value = value;
    }

    /** The key as a String, for the HTTP header of a PRO call; do not keep it beyond that call. */
    public String reveal() {
        return new String(value);
    }

    /** The key's characters, valid until the callback returns. */
    public char[] chars() {
        return value;
    }

    @Override
    public void close() {
        Arrays.fill(value, '\0');
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
