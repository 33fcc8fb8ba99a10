package io.progate.credential;

import io.progate.credential.seal.Secret;
import java.util.Set;

/** Tries a PRO API key with one harmless read per scope it claims (listing AIMMS versions, apps, ...). */
public interface CredentialProbe {

    /**
     * @param proUrl the team's PRO account URL
     * @param key    the key, valid only during this call
     * @param scopes the scopes the key is said to carry
     */
    Verification probe(String proUrl, Secret key, Set<Scope> scopes);
}
