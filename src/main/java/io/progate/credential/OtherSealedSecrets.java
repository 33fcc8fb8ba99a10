package io.progate.credential;

/**
 * Secrets other than PRO keys that are sealed with {@link Vault#sealOther} (team webhooks' signing
 * secrets): a master-key re-wrap moves them under the active key too, so the old key can be removed.
 */
public interface OtherSealedSecrets {

    /** Re-wraps every secret not yet under {@code activeKeyId}; answers how many it re-wrapped. */
    int rewrapAll(String activeKeyId);

    /** Secrets still sealed under another master key. */
    long remaining(String activeKeyId);
}
