package io.progate.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Accounts, sign-in, sessions and personal access tokens. */
@ConfigMapping(prefix = "progate")
public interface AccountConfig {

    /**
     * Password of the {@code admin} account created on first start with an empty database
     * (PROGATE_ADMIN_PASSWORD); not read once an admin exists.
     */
    Optional<String> adminPassword();

    /** Sign-in lock-out, counted in the database across replicas. */
    Lockout lockout();

    /** Throttling of sign-in guesses, kept in memory per replica. */
    Throttle throttle();

    /** Rules for new and changed passwords. */
    PasswordRules password();

    /** Browser sessions. */
    Session session();

    /** The JSON API's own ways in. */
    Api api();

    /** Personal access tokens. */
    Tokens tokens();

    /** Demo users and team, for the dev profile. */
    Demo demo();

    /**
     * Who may sign in with a ProGate password (PROGATE_LOCAL_LOGIN): {@code all}, or {@code admin-only}
     * when people sign in through the identity provider and only a break-glass admin keeps a password.
     */
    @WithDefault("all")
    LocalLogin localLogin();

    /** Who may sign in with a password. */
    enum LocalLogin {
        ALL, ADMIN_ONLY
    }

    interface Lockout {
        /** Failed sign-ins within the window that lock an account. */
        @WithDefault("5")
        int maxFailures();

        /** How long failures are counted from the first of them; a success does not reset the count. */
        @WithDefault("PT15M")
        Duration window();

        /** How long a locked account stays locked. */
        @WithDefault("PT1M")
        Duration duration();
    }

    interface Throttle {
        /** Failed sign-ins from one source address within the window before further tries wait. */
        @WithDefault("50")
        int perSource();

        /** Failed sign-ins for one user name (known or not) within the window before further tries wait. */
        @WithDefault("10")
        int perUsername();

        /** The sliding window both limits count in. */
        @WithDefault("PT15M")
        Duration window();

        /** Source addresses and user names remembered at most; the oldest are forgotten first. */
        @WithDefault("20000")
        int maxEntries();
    }

    interface PasswordRules {
        /** Minimum length of a new or changed password (the bootstrap admin password too). */
        @WithDefault("12")
        int minLength();
    }

    interface Session {
        /** Key that encrypts session cookies and derives CSRF tokens (PROGATE_SESSION_KEY). */
        String key();

        /** Absolute lifetime of a session, from sign-in; activity does not extend it. */
        @WithDefault("PT12H")
        Duration lifetime();
    }

    interface Api {
        /** Whether the API accepts HTTP Basic (PROGATE_API_BASIC_AUTH); it never asks for it. */
        @WithDefault("true")
        boolean basicAuth();
    }

    interface Tokens {
        /** Lifetime of a new token when none is asked for. */
        @WithDefault("P90D")
        Duration defaultLifetime();

        /** Longest lifetime a token may be given. */
        @WithDefault("P365D")
        Duration maxLifetime();

        /**
         * How long this replica answers a token from memory (its owner, scopes and teams) without reading
         * the database. A revocation, an expiry, a disabled user, a changed role or membership made through
         * this replica applies at once; one made through another replica after at most this long. PT0S
         * reads the database on every call.
         */
        @WithDefault("PT5S")
        Duration cacheTtl();
    }

    interface Demo {
        /** Create demo users and a demo team on first start. */
        @WithDefault("false")
        boolean enabled();
    }
}
