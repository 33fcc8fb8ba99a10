package io.progate.credential.seal;

/** A sealed secret failed GCM authentication: altered ciphertext, nonce or binding, or the wrong master key. */
public class SealBrokenException extends RuntimeException {

    public SealBrokenException(String message) {
        super(message);
    }
}
