package io.progate.credential;

import java.time.Instant;
import java.util.List;

/** All that is ever shown of a stored key: never the key itself. */
public record CredentialView(long id, String label, List<String> scopes, Instant expiresAt, String last4,
        boolean verified, String createdBy, Instant createdAt, Instant lastUsedAt, String status, Long replacedBy,
        Instant replacedAt, Instant removedAt, String removedBy, String proName, java.time.LocalDate proExpiresOn,
        Instant lastRotatedAt) {

    static CredentialView of(Credential c) {
        String status = c.removedAt != null ? "REMOVED" : c.replacedAt != null ? "REPLACED"
                : c.expiresAt.isAfter(Instant.now()) ? "ACTIVE" : "EXPIRED";
        return new CredentialView(c.id, c.label, c.scopeNames(), c.expiresAt, c.last4, c.verified, c.createdBy,
                c.createdAt, c.lastUsedAt, status, c.replacedBy, c.replacedAt, c.removedAt, c.removedBy, c.proName, c.proExpiresOn, c.lastRotatedAt);
    }
}
