package io.progate.credential;

import java.nio.charset.StandardCharsets;

/**
 * What a sealed secret belongs to, authenticated as GCM associated data: the ciphertext is bound to its
 * team and credential id, the wrapped data key additionally to its master key id. A row copied to
 * another team or credential, or relabelled with another master key id, fails to open.
 */
record Binding(long teamId, long credentialId) {

    byte[] dataAad() {
        return ("progate/credential/v1;team=" + teamId + ";credential=" + credentialId).getBytes(StandardCharsets.UTF_8);
    }

    byte[] keyAad(String masterKeyId) {
        return ("progate/data-key/v1;team=" + teamId + ";credential=" + credentialId + ";master=" + masterKeyId)
                .getBytes(StandardCharsets.UTF_8);
    }
}
