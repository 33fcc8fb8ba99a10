package io.progate.credential;

import io.progate.credential.seal.Binding;
import io.progate.credential.seal.MasterKeyring;
import io.progate.credential.seal.SealBrokenException;
import io.progate.credential.seal.Sealed;
import io.progate.credential.seal.Sealer;
import io.progate.credential.seal.Secret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Seals credentials with the configured master keys. {@link #open} is the only code that turns a sealed
 * row back into a key, and only {@link CredentialService#withSecret} calls it.
 */
@ApplicationScoped
public class Vault {

    @Inject
    MasterKeyring ring;

    /**
     * Seals {@code secret} into the credential, whose id and team must be set, bound to the team's
     * current PRO account URL.
     */
    public void seal(Credential credential, char[] secret) {
        byte[] plain = utf8(secret);
        try {
            credential.seal(Sealer.seal(plain, Binding.current(credential), ring.keys()));
            credential.sealVersion = Binding.CURRENT;
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Re-seals a version 1 row (bound to team and id only) under the current binding; false when it need not. */
    boolean reseal(Credential credential) {
        Sealed sealed = credential.sealed();
        if (sealed == null || credential.sealVersion >= Binding.CURRENT) {
            return false;
        }
        byte[] plain = Sealer.open(sealed, Binding.of(credential), ring.keys());
        try {
            credential.seal(Sealer.seal(plain, Binding.current(credential), ring.keys()));
            credential.sealVersion = Binding.CURRENT;
            return true;
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** The one opening method. The caller closes the secret when done. */
    Secret open(Credential credential) {
        Sealed sealed = credential.sealed();
        if (sealed == null) {
            throw new SealBrokenException("credential " + credential.id + " was retired; its key no longer exists");
        }
        byte[] plain = Sealer.open(sealed, binding(credential), ring.keys());
        try {
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
            char[] value = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
            Arrays.fill(chars.array(), '\0');
            return new Secret(value);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Re-wraps the data key under the active master key; false when it already is. */
    boolean rewrap(Credential credential) {
        Sealed sealed = credential.sealed();
        if (sealed == null || activeKeyId().equals(sealed.masterKeyId())) {
            return false;
        }
        credential.seal(Sealer.rewrap(sealed, binding(credential), ring.keys()));
        return true;
    }

    public String activeKeyId() {
        return ring.keys().activeId();
    }

    private static Binding binding(Credential credential) {
        return Binding.of(credential);
    }

    static byte[] utf8(char[] secret) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        byte[] bytes = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }
}
