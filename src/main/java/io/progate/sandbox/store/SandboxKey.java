package io.progate.sandbox.store;

import io.progate.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** An API key of the sandbox's PRO account. Only the SHA-256 of its value is kept. */
@Entity
@Table(name = "sandbox_api_key")
public class SandboxKey extends BaseEntity {

    @Column(nullable = false)
    public String name;

    @Column(name = "key_hash", nullable = false)
    public String keyHash;

    @Column(name = "user_name", nullable = false)
    public String userName;

    /** Canonical scope names, comma-separated. */
    @Column(nullable = false)
    public String scopes;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    public static Optional<SandboxKey> byHash(String hash) {
        return find("keyHash", hash).firstResultOptional();
    }

    public static Optional<SandboxKey> byName(String userName, String name) {
        return find("userName = ?1 and name = ?2", userName, name).firstResultOptional();
    }

    public static List<SandboxKey> ofUser(String userName) {
        return list("userName = ?1 order by name", userName);
    }

    public List<String> scopeList() {
        return Arrays.stream(scopes.split(",")).filter(s -> !s.isBlank()).toList();
    }

    public boolean has(SandboxScope scope) {
        return scopeList().stream().anyMatch(s -> SandboxScope.parse(s).filter(scope::equals).isPresent());
    }

    @Override
    public String toString() {
        return "SandboxKey[" + name + "]";
    }
}
