package io.progate.credential.seal;

/**
 * A secret as it rests in the database: AES-256-GCM ciphertext (tag included) under a random data key,
 * and that data key wrapped (AES-256-GCM again) by the master key {@code masterKeyId}.
 */
public record Sealed(byte[] ciphertext, byte[] nonce, byte[] wrappedKey, byte[] keyNonce, String masterKeyId) {

    @Override
    public String toString() {
        return "Sealed[masterKeyId=" + masterKeyId + ", " + ciphertext.length + " bytes]";
    }
}
