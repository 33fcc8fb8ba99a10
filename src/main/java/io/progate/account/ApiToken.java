package io.progate.account;

import io.progate.common.BaseEntity;
import io.progate.common.Paging;
import io.progate.common.ReadCacheInvalidation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A personal access token for the JSON API. Only its SHA-256 is stored; the value is shown once. */
@Entity
@EntityListeners(ReadCacheInvalidation.class)
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

    /** {@link TokenScope} values, comma-separated. */
    @Column(nullable = false)
    public String scopes;

    @Column(name = "expires_at", nullable = false)
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

    /** A page of the user's tokens, newest first (index api_token_user_id_ix). */
    public static Paging.Page<ApiToken> pageOf(User user, Paging paging) {
        List<ApiToken> rows = paging.cursor() == null
                ? find("user.id = ?1 order by id desc", user.id).range(0, paging.limit()).list()
                : find("user.id = ?1 and id < ?2 order by id desc", user.id, paging.cursor()).range(0, paging.limit())
                        .list();
        return paging.page(rows, t -> t.id);
    }

    public boolean isUsableAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    public Set<TokenScope> scopeSet() {
        return TokenScope.split(scopes);
    }

    public List<String> scopeNames() {
        return TokenScope.values(scopeSet());
    }

    public boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** Revokes every usable token of the user; how many. */
    public static int revokeAllOf(User user, Instant now) {
        // a bulk update passes no entity listener
        ReadCacheInvalidation.afterTransaction();
        return update("revokedAt = ?1 where user = ?2 and revokedAt is null", now, user);
    }
}
