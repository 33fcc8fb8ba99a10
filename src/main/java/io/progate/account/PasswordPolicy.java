package io.progate.account;

import io.progate.common.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new or changed password must be: at least {@code progate.password.min-length} characters
 * (default 12), at most {@value #MAX_LENGTH}, not one of the ~49,000 most common passwords (also not
 * with digits or symbols around one), not mostly one character, and not containing the user name.
 * Demo users of the dev profile are seeded without this check.
 */
@ApplicationScoped
public class PasswordPolicy {

    /** bcrypt reads at most 72 bytes; longer passwords would be cut silently. */
    static final int MAX_LENGTH = 64;
    private static final String LIST = "/passwords/common-passwords.txt";
    private static volatile Set<String> common;

    @Inject
    AccountConfig config;

    public int minLength() {
        return config.password().minLength();
    }

    /** Throws a field error on {@code field} when the password is not acceptable. */
    public void check(String field, String password, String username) {
        problem(password, username, minLength()).ifPresent(message -> {
            throw new InvalidInputException(field, message);
        });
    }

    /** Why the password is not acceptable; empty when it is. */
    public static Optional<String> problem(String password, String username, int minLength) {
        if (password == null || password.length() < minLength) {
            return Optional.of("at least " + minLength + " characters");
        }
        if (password.length() > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > 72) {
            return Optional.of("at most " + MAX_LENGTH + " characters (72 bytes)");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String core = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        if (commonPasswords().contains(lower) || (core.length() >= 3 && commonPasswords().contains(core))) {
            return Optional.of("this is one of the most common passwords; choose another");
        }
        if (lower.chars().distinct().count() < 5) {
            return Optional.of("use at least 5 different characters");
        }
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not contain the user name");
        }
        return Optional.empty();
    }

    static Set<String> commonPasswords() {
        Set<String> set = common;
        if (set == null) {
            synchronized (PasswordPolicy.class) {
                if (common == null) {
                    common = load();
                }
                set = common;
            }
        }
        return set;
    }

    private static Set<String> load() {
        Set<String> set = new HashSet<>(65_536);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("the common-password list " + LIST + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    set.add(line.trim().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(set);
    }
}
