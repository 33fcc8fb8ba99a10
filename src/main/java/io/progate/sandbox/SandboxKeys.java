package io.progate.sandbox;

import io.progate.common.Hashes;
import io.progate.sandbox.store.SandboxKey;
import io.progate.sandbox.store.SandboxScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * API keys of the sandbox: stored hashed, the value shown once at creation, expiry in the future
 * and at most a year ahead, at least one known scope.
 */
@ApplicationScoped
public class SandboxKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    public List<SandboxWire.Key> list(SandboxKey caller) {
        return SandboxKey.ofUser(caller.userName).stream().map(k -> view(k, null)).toList();
    }

    @Transactional
    public SandboxWire.Key create(SandboxKey caller, SandboxWire.NewKey request) {
        if (request == null || SandboxApps.blank(request.name())) {
            throw SandboxException.invalid("name is required");
        }
        if (request.expirationDate() == null) {
            throw SandboxException.invalid("expiration_date is required");
        }
        Instant expires = request.expirationDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!expires.isAfter(Instant.now())) {
            throw SandboxException.invalid("expiration_date must lie in the future");
        }
        if (expires.isAfter(Instant.now().plus(SandboxRules.MAX_KEY_LIFETIME))) {
            throw SandboxException.invalid("expiration_date may lie at most one year ahead");
        }
        List<String> scopes = canonical(request.scopes());
        if (SandboxKey.byName(caller.userName, request.name().trim()).isPresent()) {
            throw SandboxException.conflict("an API key named " + request.name().trim() + " exists");
        }
        String value = newValue();
        SandboxKey key = issue(request.name().trim(), caller.userName, scopes, expires, value);
        return view(key, value);
    }

    @Transactional
    public void delete(SandboxKey caller, String name) {
        SandboxKey.byName(caller.userName, name).orElseThrow(() -> SandboxException.notFound("API key " + name)).delete();
    }

    /** Stores a key with the given value (for the seed and for tests); joins the caller's transaction. */
    @Transactional
    public SandboxKey issue(String name, String userName, List<String> scopes, Instant expiresAt, String value) {
        SandboxKey key = new SandboxKey();
        key.name = name;
        key.userName = userName;
        key.scopes = String.join(",", scopes);
        key.expiresAt = expiresAt;
        key.keyHash = Hashes.sha256Hex(value);
        key.persist();
        return key;
    }

    /** A fresh random key value. */
    public static String newValue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "sbx_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static List<String> canonical(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw SandboxException.invalid("at least one scope is required");
        }
        List<String> scopes = new ArrayList<>();
        for (String text : requested) {
            SandboxScope scope = SandboxScope.parse(text).orElseThrow(() -> SandboxException.invalid("unknown scope " + text));
            if (!scopes.contains(scope.wireName())) {
                scopes.add(scope.wireName());
            }
        }
        return scopes;
    }

    private static SandboxWire.Key view(SandboxKey key, String value) {
        LocalDate lastDay = key.expiresAt.minusSeconds(1).atZone(ZoneOffset.UTC).toLocalDate();
        return new SandboxWire.Key(key.name, lastDay.toString(), key.scopeList(), value);
    }
}
