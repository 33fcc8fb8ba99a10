package io.progate.credential;

import java.util.List;

/**
 * A key as a user hands it over (JSON body or form). {@code expiresAt} is an ISO date ({@code 2027-03-31},
 * meaning its start in UTC) or instant. On a replace, {@code label} is ignored and missing
 * {@code scopes} keep the old ones. {@link #toString()} never shows the key.
 */
public record CredentialInput(String label, String key, List<String> scopes, String expiresAt, Boolean saveUnverified) {

    public boolean unverifiedAllowed() {
        return Boolean.TRUE.equals(saveUnverified);
    }

    @Override
    public String toString() {
        return "CredentialInput[label=" + label + ", key=****, scopes=" + scopes + ", expiresAt=" + expiresAt
                + ", saveUnverified=" + saveUnverified + "]";
    }
}
