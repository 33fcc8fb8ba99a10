package io.progate.credential.seal;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption with the JDK's AES-256-GCM (12-byte random nonces, 128-bit tags): each secret gets a
 * fresh data key, which is itself sealed by the active master key. Plain functions; the master keys
 * are passed in.
 */
public final class Sealer {

    static final String CIPHER = "AES/GCM/NoPadding";
    public static final int NONCE_BYTES = 12;
    public static final int TAG_BITS = 128;
    static final int DATA_KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sealer() {
    }

    public static Sealed seal(byte[] plaintext, Binding binding, MasterKeys keys) {
        byte[] dataKey = random(DATA_KEY_BYTES);
        try {
            byte[] nonce = random(NONCE_BYTES);
            byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, aes(dataKey), nonce, binding.dataAad(), plaintext);
            return wrap(dataKey, ciphertext, nonce, binding, keys);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("encryption cannot fail authentication", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** The plaintext; the caller wipes it after use. */
    public static byte[] open(Sealed sealed, Binding binding, MasterKeys keys) {
        byte[] dataKey = unwrap(sealed, binding, keys);
        try {
            return crypt(Cipher.DECRYPT_MODE, aes(dataKey), sealed.nonce(), binding.dataAad(), sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw new SealBrokenException("credential " + binding.credentialId()
                    + " does not open: its ciphertext or nonce was altered, or its binding to team, credential"
                    + " or the team's PRO account URL no longer holds");
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** The same ciphertext with its data key re-wrapped under the active master key. */
    public static Sealed rewrap(Sealed sealed, Binding binding, MasterKeys keys) {
        byte[] dataKey = unwrap(sealed, binding, keys);
        try {
            return wrap(dataKey, sealed.ciphertext(), sealed.nonce(), binding, keys);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private static Sealed wrap(byte[] dataKey, byte[] ciphertext, byte[] nonce, Binding binding, MasterKeys keys) {
        byte[] keyNonce = random(NONCE_BYTES);
        try {
            byte[] wrapped = crypt(Cipher.ENCRYPT_MODE, keys.active(), keyNonce, binding.keyAad(keys.activeId()), dataKey);
            return new Sealed(ciphertext, nonce, wrapped, keyNonce, keys.activeId());
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("encryption cannot fail authentication", e);
        }
    }

    private static byte[] unwrap(Sealed sealed, Binding binding, MasterKeys keys) {
        SecretKey master = keys.require(sealed.masterKeyId());
        try {
            return crypt(Cipher.DECRYPT_MODE, master, sealed.keyNonce(), binding.keyAad(sealed.masterKeyId()),
                    sealed.wrappedKey());
        } catch (AEADBadTagException e) {
            throw new SealBrokenException("the data key of credential " + binding.credentialId()
                    + " does not open with master key '" + sealed.masterKeyId()
                    + "': the key configured under that id is not the one it was sealed with, the row was altered,"
                    + " or the team's PRO account URL is not the one it was sealed for");
        }
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] nonce, byte[] aad, byte[] input)
            throws AEADBadTagException {
        if (nonce == null || nonce.length != NONCE_BYTES) {
            throw new SealBrokenException("a sealed value has a nonce of the wrong length");
        }
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not usable in this JVM: " + e.getClass().getSimpleName(), e);
        }
    }

    private static SecretKey aes(byte[] key) {
        return new SecretKeySpec(key, "AES");
    }

    private static byte[] random(int bytes) {
        byte[] out = new byte[bytes];
        RANDOM.nextBytes(out);
        return out;
    }
}
