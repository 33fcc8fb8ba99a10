package io.progate.credential.seal;

/** Master keys are missing, malformed, or do not open a sealed row. The message never holds key material. */
public class MasterKeyException extends RuntimeException {

    public MasterKeyException(String message) {
        super(message);
    }
}
