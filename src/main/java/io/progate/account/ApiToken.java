package io.progate.account;

import io.progate.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A personal access token for the JSON API. Only its SHA-256 is stored; the value is shown once. */
@Entity
@Table(name = "api_token")
public class ApiToken extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    public User user;

    @Column(nullable = false)
    public String name;

    @Column(name = "token_hash", nullable = false, unique = true, columnDefinition = "bpchar(64)")
    public String tokenHash;

    /** The first characters of the value, enough to recognise a token in a list. */
    @Column(name = "token_prefix", nullable = false)
    public String tokenPrefix;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static Optional<ApiToken> byHash(String hash) {
        return find("select t from ApiToken t join fetch t.user where t.tokenHash = ?1", hash).firstResultOptional();
    }

    public static List<ApiToken> ownedBy(User user) {
        return list("user = ?1 order by createdAt desc", user);
    }

    public boolean isUsableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
