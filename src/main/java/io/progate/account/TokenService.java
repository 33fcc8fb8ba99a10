package io.progate.account;

import io.progate.account.auth.Identities;
import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import io.progate.common.Hashes;
import io.progate.common.InvalidInputException;
import io.progate.common.LastUse;
import io.progate.common.ReadCache;
import io.progate.common.Validator;
import io.quarkus.security.ForbiddenException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Personal access tokens: created for oneself (by a session or HTTP Basic, never by another token), with
 * scopes and an expiry, shown once, stored as a SHA-256, revocable.
 */
@ApplicationScoped
public class TokenService {

    public static final String PREFIX = "pgt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AuditLog audit;

    @Inject
    AccountConfig config;

    private final LastUse<Long> lastUse = new LastUse<>();

    private ReadCache<String, Resolved> resolved;

    /** A token together with its value, which exists only in this answer. */
    public record Issued(ApiToken token, String value) {
    }

    /** What a user asks for: a name, scopes and an expiry (null: the default lifetime). */
    public record Request(String name, Set<TokenScope> scopes, Instant expiresAt) {
    }

    @Transactional
    public Issued create(User owner, Identities.Method method, Request request) {
        if (method == Identities.Method.TOKEN) {
            throw new ForbiddenException("a token cannot create tokens; sign in or use HTTP Basic");
        }
        Instant now = Instant.now();
        Instant expiresAt = request.expiresAt() == null ? now.plus(config.tokens().defaultLifetime()) : request.expiresAt();
        Instant latest = now.plus(config.tokens().maxLifetime());
        String name = request.name() == null ? null : request.name().trim();
        new Validator()
                .check(name != null && !name.isEmpty() && name.length() <= 100, "name",
                        "a name of 1 to 100 characters is required")
                .check(request.scopes() != null && !request.scopes().isEmpty(), "scopes",
                        "choose at least one of read, submit, decide, admin")
                .check(request.scopes() == null || !request.scopes().contains(TokenScope.ADMIN) || owner.admin, "scopes",
                        "only admins can give a token the admin scope")
                .check(expiresAt.isAfter(now), "expiresAt", "must lie in the future")
                .check(!expiresAt.isAfter(latest.plus(1, ChronoUnit.MINUTES)), "expiresAt",
                        "at most " + config.tokens().maxLifetime().toDays() + " days from now")
                .throwIfInvalid();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = new ApiToken();
        token.user = User.findById(owner.id);
        token.name = name;
        token.tokenHash = Hashes.sha256Hex(value);
        token.tokenPrefix = value.substring(0, PREFIX.length() + 4);
        token.scopes = TokenScope.join(request.scopes());
        token.expiresAt = expiresAt.truncatedTo(ChronoUnit.SECONDS);
        token.persist();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", name);
        details.put("owner", owner.username);
        details.put("scopes", token.scopeNames());
        details.put("expiresAt", token.expiresAt.toString());
        audit.record(AuditRecord.of("token.create", "token", String.valueOf(token.id)).details(details));
        return new Issued(token, value);
    }

    /** Scope names as a form or JSON sends them; unknown names are refused. */
    public static Set<TokenScope> parseScopes(List<String> names) {
        Set<TokenScope> scopes = java.util.EnumSet.noneOf(TokenScope.class);
        if (names != null) {
            for (String name : names) {
                scopes.add(TokenScope.parse(name).orElseThrow(() -> new InvalidInputException("scopes",
                        "unknown scope '" + name + "'; use read, submit, decide or admin")));
            }
        }
        return scopes;
    }

    public List<ApiToken> listFor(User owner) {
        return ApiToken.ownedBy(owner);
    }

    /**
     * Revokes one of the owner's tokens. A request authenticated by a token may revoke that token only
     * ({@code callerTokenId}), so a leaked token cannot take the others down.
     */
    @Transactional
    public void revoke(User owner, long tokenId, Long callerTokenId) {
        ApiToken token = ApiToken.<ApiToken>findByIdOptional(tokenId)
                .filter(t -> t.user.id.equals(owner.id))
                .orElseThrow(() -> new NotFoundException("no such token"));
        if (callerTokenId != null && callerTokenId != tokenId) {
            throw new ForbiddenException("a token can revoke only itself");
        }
        if (token.revokedAt == null) {
            token.revokedAt = Instant.now();
            audit.record(AuditRecord.of("token.revoke", "token", String.valueOf(token.id))
                    .details(Map.of("name", token.name, "owner", owner.username)));
        }
    }

    /** A usable token as authentication needs it: its id, scopes and expiry, and its owner's row as read. */
    public record Resolved(long id, Set<TokenScope> scopes, Instant expiresAt, User user) {
    }

    /**
     * A usable token of an enabled user. A resolved token is kept for a few seconds
     * ({@code progate.tokens.cache-ttl}, see {@link ReadCache}); its expiry is checked on every call, and
     * a revocation or a disabled user through this replica empties the cache at once. Its use is written
     * at most once a minute ({@link LastUse}): an API call writes nothing, so calls with one token never
     * queue on its row.
     */
    public Optional<Resolved> authenticate(String value) {
        return authenticate(value, Instant.now());
    }

    Optional<Resolved> authenticate(String value, Instant now) {
        if (!looksLikeToken(value)) {
            return Optional.empty();
        }
        String hash = Hashes.sha256Hex(value);
        return resolved.get(hash, () -> load(hash, now))
                .filter(token -> token.expiresAt().isAfter(now))
                .map(token -> {
                    if (lastUse.due(token.id(), now)) {
                        // a guarded bulk update: no version, and nothing to do when another replica wrote lately
                        QuarkusTransaction.requiringNew().run(() -> ApiToken.update(
                                "lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?3)",
                                now, token.id(), LastUse.staleBefore(now)));
                    }
                    return token;
                });
    }

    /**
     * The token as {@link #authenticate} would answer it, when that needs neither the database nor a write:
     * resolved a moment ago, not expired and its use written within the minute. Empty otherwise (also for
     * an unusable token), and the caller then goes the blocking way. Lets authentication of a warm token
     * finish on the I/O thread.
     */
    public Optional<Resolved> fromMemory(String value) {
        if (!looksLikeToken(value)) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return resolved.peek(Hashes.sha256Hex(value))
                .filter(token -> token.expiresAt().isAfter(now) && !lastUse.wouldBeDue(token.id(), now));
    }

    /** Whether a value has a token's form at all; anything else is refused without hashing or reading. */
    private static boolean looksLikeToken(String value) {
        return value != null && value.startsWith(PREFIX) && value.length() <= 200;
    }

    /** One read in a transaction of its own: the rows as committed, never a session's older copy; its connection is freed here. */
    @ActivateRequestContext
    Optional<Resolved> load(String hash, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> ApiToken.byHash(hash)
                .filter(token -> token.isUsableAt(now) && token.user.enabled)
                .map(token -> new Resolved(token.id, token.scopeSet(), token.expiresAt, token.user.copy())));
    }

    @PostConstruct
    void open() {
        resolved = new ReadCache<>(config.tokens().cacheTtl(), 10_000);
    }

    @PreDestroy
    void close() {
        resolved.close();
    }
}
