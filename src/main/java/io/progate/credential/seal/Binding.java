package io.progate.credential.seal;

import io.progate.credential.Credential;
import java.nio.charset.StandardCharsets;

/**
 * What a sealed secret belongs to, authenticated as GCM associated data: the ciphertext is bound to its
 * team, its credential id and (version 2) the team's normalised PRO account URL; the wrapped data key
 * additionally to its master key id. A row copied to another team or credential, relabelled with another
 * master key id, or a team pointed at another PRO account, fails to open. Version 1 (no URL) is what rows
 * sealed before URLs were bound carry; they are re-sealed as version 2 at start-up ({@link CredentialResealer}).
 */
public record Binding(long teamId, long credentialId, String proUrl, int version) {

    public static final int CURRENT = 2;

    /** The binding a credential row is sealed under: its own seal version, its team's URL as it is now. */
    public static Binding of(Credential credential) {
        return new Binding(credential.team.id, credential.id,
                io.progate.team.ProUrls.normalise(credential.team.proUrl), credential.sealVersion);
    }

    /** The binding a new seal of the credential gets. */
    public static Binding current(Credential credential) {
        return new Binding(credential.team.id, credential.id,
                io.progate.team.ProUrls.normalise(credential.team.proUrl), CURRENT);
    }

    public byte[] dataAad() {
        String aad = version == 1
                ? "progate/credential/v1;team=" + teamId + ";credential=" + credentialId
                : "progate/credential/v2;team=" + teamId + ";credential=" + credentialId + ";pro=" + proUrl;
        return aad.getBytes(StandardCharsets.UTF_8);
    }

    public byte[] keyAad(String masterKeyId) {
        String aad = version == 1
                ? "progate/data-key/v1;team=" + teamId + ";credential=" + credentialId + ";master=" + masterKeyId
                : "progate/data-key/v2;team=" + teamId + ";credential=" + credentialId + ";pro=" + proUrl
                        + ";master=" + masterKeyId;
        return aad.getBytes(StandardCharsets.UTF_8);
    }
}
