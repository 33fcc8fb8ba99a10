package io.progate.credential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.progate.credential.seal.Binding;
import io.progate.credential.seal.MasterKeyException;
import io.progate.credential.seal.MasterKeys;
import io.progate.credential.seal.SealBrokenException;
import io.progate.credential.seal.Sealed;
import io.progate.credential.seal.Sealer;
import io.progate.credential.seal.Secret;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SealerTest {

    static final String KEY_A = randomKey();
    static final String KEY_B = randomKey();
    static final byte[] SECRET = "pro-key-Sealer-Test-0123456789".getBytes(StandardCharsets.UTF_8);
    static final Binding BINDING = new Binding(7, 42, "https://acme.aimms.cloud", Binding.CURRENT);

    static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static MasterKeys keys(String list, String active) {
        return MasterKeys.parse(list, active);
    }

    static final MasterKeys ONLY_A = keys("a=" + KEY_A, "a");

    @Test
    void roundTripOpensWhatWasSealed() {
        Sealed sealed = Sealer.seal(SECRET, BINDING, ONLY_A);
        assertEquals("a", sealed.masterKeyId());
        assertEquals(Sealer.NONCE_BYTES, sealed.nonce().length);
        assertEquals(Sealer.NONCE_BYTES, sealed.keyNonce().length);
        assertEquals(SECRET.length + Sealer.TAG_BITS / 8, sealed.ciphertext().length);
        assertArrayEquals(SECRET, Sealer.open(sealed, BINDING, ONLY_A));
    }

    @Test
    void everySealingUsesFreshNoncesAndDataKeys() {
        Sealed first = Sealer.seal(SECRET, BINDING, ONLY_A);
        Sealed second = Sealer.seal(SECRET, BINDING, ONLY_A);
        assertFalse(Arrays.equals(first.nonce(), second.nonce()));
        assertFalse(Arrays.equals(first.ciphertext(), second.ciphertext()));
        assertFalse(Arrays.equals(first.wrappedKey(), second.wrappedKey()));
    }

    @Test
    void ciphertextDoesNotContainThePlaintext() {
        Sealed sealed = Sealer.seal(SECRET, BINDING, ONLY_A);
        String asText = new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1);
        assertFalse(asText.contains("Sealer-Test"));
    }

    @Test
    void tamperedCiphertextIsRefused() {
        Sealed sealed = Sealer.seal(SECRET, BINDING, ONLY_A);
        byte[] bad = sealed.ciphertext().clone();
        bad[3] ^= 1;
        Sealed tampered = new Sealed(bad, sealed.nonce(), sealed.wrappedKey(), sealed.keyNonce(), "a");
        SealBrokenException e = assertThrows(SealBrokenException.class, () -> Sealer.open(tampered, BINDING, ONLY_A));
        assertTrue(e.getMessage().contains("credential 42"), e.getMessage());
    }

    @Test
    void tamperedNonceIsRefused() {
        Sealed sealed = Sealer.seal(SECRET, BINDING, ONLY_A);
        byte[] bad = sealed.nonce().clone();
        bad[0] ^= 1;
        assertThrows(SealBrokenException.class, () -> Sealer.open(
                new Sealed(sealed.ciphertext(), bad, sealed.wrappedKey(), sealed.keyNonce(), "a"), BINDING, ONLY_A));
        byte[] badKeyNonce = sealed.keyNonce().clone();
        badKeyNonce[11] ^= 1;
        assertThrows(SealBrokenException.class, () -> Sealer.open(
                new Sealed(sealed.ciphertext(), sealed.nonce(), sealed.wrappedKey(), badKeyNonce, "a"), BINDING, ONLY_A));
        assertThrows(SealBrokenException.class, () -> Sealer.open(
                new Sealed(sealed.ciphertext(), new byte[5], sealed.wrappedKey(), sealed.keyNonce(), "a"), BINDING, ONLY_A));
    }

    @Test
    void tamperedWrappedKeyIsRefused() {
        Sealed sealed = Sealer.seal(SECRET, BINDING, ONLY_A);
        byte[] bad = sealed.wrappedKey().clone();
        bad[bad.length - 1] ^= 1;
        assertThrows(SealBrokenException.class, () -> Sealer.open(
                new Sealed(sealed.ciphertext(), sealed.nonce(), bad, sealed.keyNonce(), "a"), BINDING, ONLY_A));
    }

    @Test
    void otherTeamOrCredentialInTheAssociatedDataIsRefused() {
        Sealed sealed = Sealer.seal(SECRET, BINDING, ONLY_A);
        assertThrows(SealBrokenException.class, () -> Sealer.open(sealed, new Binding(8, 42, "https://acme.aimms.cloud", Binding.CURRENT), ONLY_A));
        assertThrows(SealBrokenException.class, () -> Sealer.open(sealed, new Binding(7, 43, "https://acme.aimms.cloud", Binding.CURRENT), ONLY_A));
    }

    @Test
    void relabelledMasterKeyIdIsRefused() {
        MasterKeys both = keys("a=" + KEY_A + ",b=" + KEY_A, "a");
        Sealed sealed = Sealer.seal(SECRET, BINDING, both);
        Sealed relabelled = new Sealed(sealed.ciphertext(), sealed.nonce(), sealed.wrappedKey(), sealed.keyNonce(), "b");
        assertThrows(SealBrokenException.class, () -> Sealer.open(relabelled, BINDING, both));
    }

    @Test
    void wrongMasterKeyUnderTheSameIdGivesAClearError() {
        Sealed sealed = Sealer.seal(SECRET, BINDING, ONLY_A);
        MasterKeys wrong = keys("a=" + KEY_B, "a");
        SealBrokenException e = assertThrows(SealBrokenException.class, () -> Sealer.open(sealed, BINDING, wrong));
        assertTrue(e.getMessage().contains("master key 'a'"), e.getMessage());
        assertFalse(e.getMessage().contains(KEY_A) || e.getMessage().contains(KEY_B));
    }

    @Test
    void missingMasterKeyGivesAClearError() {
        Sealed sealed = Sealer.seal(SECRET, BINDING, ONLY_A);
        MasterKeys other = keys("b=" + KEY_B, "b");
        MasterKeyException e = assertThrows(MasterKeyException.class, () -> Sealer.open(sealed, BINDING, other));
        assertTrue(e.getMessage().contains("master key 'a' is not configured"), e.getMessage());
        assertTrue(e.getMessage().contains("PROGATE_MASTER_KEYS"), e.getMessage());
        assertFalse(e.getMessage().contains(KEY_B));
    }

    @Test
    void rewrapMovesTheDataKeyToTheActiveMasterKeyAndStillOpens() {
        Sealed old = Sealer.seal(SECRET, BINDING, ONLY_A);
        MasterKeys rotated = keys("a=" + KEY_A + ",b=" + KEY_B, "b");
        assertArrayEquals(SECRET, Sealer.open(old, BINDING, rotated), "old rows open during the rotation");
        Sealed rewrapped = Sealer.rewrap(old, BINDING, rotated);
        assertEquals("b", rewrapped.masterKeyId());
        assertArrayEquals(old.ciphertext(), rewrapped.ciphertext(), "the ciphertext itself is not touched");
        assertNotEquals(Arrays.toString(old.wrappedKey()), Arrays.toString(rewrapped.wrappedKey()));
        MasterKeys onlyB = keys("b=" + KEY_B, "b");
        assertArrayEquals(SECRET, Sealer.open(rewrapped, BINDING, onlyB), "opens once the old key is removed");
        assertThrows(MasterKeyException.class, () -> Sealer.open(old, BINDING, onlyB));
    }

    @Test
    void toStringsHideMaterial() {
        Sealed sealed = Sealer.seal(SECRET, BINDING, ONLY_A);
        assertFalse(sealed.toString().contains(Base64.getEncoder().encodeToString(sealed.ciphertext())));
        assertFalse(ONLY_A.toString().contains(KEY_A));
        assertEquals("Secret[****]", new Secret("abc".toCharArray()).toString());
    }
}
