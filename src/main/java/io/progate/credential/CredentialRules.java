package io.progate.credential;

import io.progate.common.Validator;
import io.progate.pro.model.ProScope;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a {@link CredentialInput}; every message is safe to show (none repeats the key). */
final class CredentialRules {

    static final int MIN_KEY_LENGTH = 12;
    static final int MAX_KEY_LENGTH = 512;
    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]+$");

    private CredentialRules() {
    }

    /** The checked parts of an input; the key is a char array that the caller wipes. */
    record Parsed(String label, char[] key, Set<ProScope> scopes, Instant expiresAt) {

        String last4() {
            return new String(key, key.length - 4, 4);
        }

        @Override
        public String toString() {
            return "Parsed[" + label + ", key=****]";
        }
    }

    /** @param keepScopes the scopes to keep when the input names none (a replace), or null when required */
    static Parsed parse(CredentialInput in, String label, Set<ProScope> keepScopes, Instant now) {
        Validator v = new Validator()
                .require("label", label, "Label")
                .maxLength("label", label, 100);
        String key = in.key() == null ? null : in.key().trim();
        v.require("key", key, "The key");
        if (key != null && !key.isEmpty()) {
            v.check(key.length() >= MIN_KEY_LENGTH && key.length() <= MAX_KEY_LENGTH, "key",
                    "a PRO API key is " + MIN_KEY_LENGTH + " to " + MAX_KEY_LENGTH + " characters long");
            v.check(KEY.matcher(key).matches(), "key", "a PRO API key has no spaces or special characters");
        }
        Set<ProScope> scopes = scopes(v, in.scopes(), keepScopes);
        Instant expiresAt = expiry(v, in.expiresAt(), now);
        v.throwIfInvalid();
        return new Parsed(label.trim(), key.toCharArray(), scopes, expiresAt);
    }

    private static Set<ProScope> scopes(Validator v, List<String> names, Set<ProScope> keepScopes) {
        if ((names == null || names.isEmpty()) && keepScopes != null) {
            return keepScopes;
        }
        Set<ProScope> scopes = EnumSet.noneOf(ProScope.class);
        if (names != null) {
            for (String name : names) {
                Optional<ProScope> scope = ProScope.parse(name);
                v.check(scope.isPresent(), "scopes", "unknown scope; use Authentication, PublishAIMMS, PublishApp, "
                        + "Tasks or APIKey");
                scope.ifPresent(scopes::add);
            }
        }
        v.check(!scopes.isEmpty() || v.hasErrorOn("scopes"), "scopes", "choose at least one scope");
        return scopes;
    }

    private static Instant expiry(Validator v, String raw, Instant now) {
        if (raw == null || raw.isBlank()) {
            v.require("expiresAt", null, "The expiry date");
            return null;
        }
        Instant expiresAt = parseInstant(raw.trim());
        if (expiresAt == null) {
            v.check(false, "expiresAt", "a date such as 2027-03-31, or an ISO-8601 instant");
            return null;
        }
        v.check(expiresAt.isAfter(now), "expiresAt", "must lie in the future");
        v.check(!expiresAt.isAfter(now.atOffset(ZoneOffset.UTC).plusYears(1).toInstant()), "expiresAt",
                "at most one year ahead: PRO keys never live longer");
        return expiresAt;
    }

    private static Instant parseInstant(String raw) {
        try {
            return LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(raw).toInstant();
            } catch (DateTimeParseException notAnInstant) {
                return null;
            }
        }
    }
}
