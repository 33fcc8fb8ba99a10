package io.progate.account;

import io.progate.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A person who signs in to the portal. The password is only ever held as a bcrypt hash. */
@Entity
@Table(name = "app_user")
public class User extends BaseEntity {

    @Version
    public long version;

    @Column(nullable = false, unique = true)
    public String username;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(nullable = false)
    public String email;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(nullable = false)
    public boolean admin;

    @Column(name = "failed_logins", nullable = false)
    public int failedLogins;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "last_login_at")
    public Instant lastLoginAt;

    public static Optional<User> byUsername(String username) {
        return username == null ? Optional.empty() : find("username", username.trim().toLowerCase()).firstResultOptional();
    }

    public static List<User> allByUsername() {
        return list("order by username");
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    @Override
    public String toString() {
        return "User[" + username + "]";
    }
}
