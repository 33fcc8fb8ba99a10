package io.progate.account;

import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.common.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Personal access tokens: created for oneself, shown once, stored as a SHA-256, revocable. */
@ApplicationScoped
public class TokenService {

    static final String PREFIX = "pgt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AuditLog audit;

    /** A token together with its value, which exists only in this answer. */
    public record Issued(ApiToken token, String value) {
    }

    @Transactional
    public Issued create(User owner, String name, Instant expiresAt) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = new ApiToken();
        token.user = User.findById(owner.id);
        token.name = name;
        token.tokenHash = Hashes.sha256Hex(value);
        token.tokenPrefix = value.substring(0, PREFIX.length() + 4);
        token.expiresAt = expiresAt;
        token.persist();
        audit.record(AuditRecord.of("token.create", "token", String.valueOf(token.id))
                .details(Map.of("name", name, "owner", owner.username)));
        return new Issued(token, value);
    }

    public List<ApiToken> listFor(User owner) {
        return ApiToken.ownedBy(owner);
    }

    @Transactional
    public void revoke(User owner, long tokenId) {
        ApiToken token = ApiToken.<ApiToken>findByIdOptional(tokenId)
                .filter(t -> t.user.id.equals(owner.id))
                .orElseThrow(() -> new NotFoundException("no such token"));
        if (token.revokedAt == null) {
            token.revokedAt = Instant.now();
            audit.record(AuditRecord.of("token.revoke", "token", String.valueOf(token.id))
                    .details(Map.of("name", token.name, "owner", owner.username)));
        }
    }

    /** The owner of a usable token; marks it used. */
    @Transactional
    public Optional<User> authenticate(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return ApiToken.byHash(Hashes.sha256Hex(value))
                .filter(token -> token.isUsableAt(now))
                .map(token -> {
                    token.lastUsedAt = now;
                    return token.user;
                });
    }
}
