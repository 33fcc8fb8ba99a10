package io.progate.account;

import io.progate.common.BaseEntity;
import io.progate.common.Paging;
import io.progate.common.ReadCacheInvalidation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A person who signs in to the portal. The password is only ever held as a bcrypt hash. */
@Entity
@EntityListeners(ReadCacheInvalidation.class)
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

    /** A disabled user cannot sign in; their tokens were revoked and their sessions ended. */
    @Column(nullable = false)
    public boolean enabled = true;

    /** Set by an admin's password reset: every page leads to the password form until it is changed. */
    @Column(name = "must_change_password", nullable = false)
    public boolean mustChangePassword;

    @Column(name = "password_changed_at")
    public Instant passwordChangedAt;

    /** The identity provider's subject of an account made by single sign-on; null for a local account. */
    @Column(name = "sso_subject")
    public String ssoSubject;

    // The columns below change only through single SQL updates (see LoginService, Sessions), outside
    // the row's version: parallel sign-ins must neither lose a count nor fail each other, and an
    // admin's edit of the row must not write back a stale count.

    @Column(name = "failed_logins", insertable = false, updatable = false)
    public int failedLogins;

    @Column(name = "failure_window_start", insertable = false, updatable = false)
    public Instant failureWindowStart;

    @Column(name = "locked_until", insertable = false, updatable = false)
    public Instant lockedUntil;

    @Column(name = "last_login_at", insertable = false, updatable = false)
    public Instant lastLoginAt;

    /** Sessions carry the generation they were started at; raising it ends them all. */
    @Column(name = "session_generation", insertable = false, updatable = false)
    public long sessionGeneration;

    public static Optional<User> byUsername(String username) {
        return username == null ? Optional.empty() : find("username", username.trim().toLowerCase()).firstResultOptional();
    }

    public static Optional<User> bySsoSubject(String subject) {
        return subject == null ? Optional.empty() : find("ssoSubject", subject).firstResultOptional();
    }

    /** Whether the account was made by single sign-on (it has no password of its own). */
    public boolean isSso() {
        return ssoSubject != null;
    }

    public static List<User> allByUsername() {
        return list("order by username");
    }

    /** A page of users by user name, after the user whose id is the cursor (one statement, the name's unique index). */
    public static Paging.Page<User> page(Paging paging) {
        List<User> rows = paging.cursor() == null
                ? find("order by username").range(0, paging.limit()).list()
                : find("username > (select c.username from User c where c.id = ?1) order by username", paging.cursor())
                        .range(0, paging.limit()).list();
        return paging.page(rows, u -> u.id);
    }

    /** Enabled admins, locked for update: the caller is about to check that one stays. */
    public static List<User> enabledAdminsLocked() {
        return find("admin = true and enabled = true order by id")
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).list();
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /**
     * A detached copy of the row as read: what a request holds as its signed-in user ({@link CurrentUser}),
     * so the row read by authentication is not read again, and a cached one is never shared.
     */
    public User copy() {
        User c = new User();
        c.id = id;
        c.createdAt = createdAt;
        c.version = version;
        c.username = username;
        c.displayName = displayName;
        c.email = email;
        c.passwordHash = passwordHash;
        c.admin = admin;
        c.enabled = enabled;
        c.mustChangePassword = mustChangePassword;
        c.passwordChangedAt = passwordChangedAt;
        c.ssoSubject = ssoSubject;
        c.failedLogins = failedLogins;
        c.failureWindowStart = failureWindowStart;
        c.lockedUntil = lockedUntil;
        c.lastLoginAt = lastLoginAt;
        c.sessionGeneration = sessionGeneration;
        return c;
    }

    @Override
    public String toString() {
        return "User[" + username + "]";
    }
}
