package io.progate.account;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a personal access token may do. A token never does more than its owner may at the time of use:
 * the scopes only narrow the owner's rights (an {@code admin} scope works only while the owner is an
 * admin), and the team roles are checked as for any call.
 */
public enum TokenScope {
    /** Every GET of the API. */
    READ,
    /** Filing requests and cancelling one's own. */
    SUBMIT,
    /** An approver's duties: approve, reject, retry, close; the team's policy, PRO keys and entity labels. */
    DECIDE,
    /** Portal administration: users, teams, members, master keys. */
    ADMIN;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TokenScope> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(s -> s.value().equals(raw.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The stored form: comma-separated, in declaration order. */
    public static String join(Set<TokenScope> scopes) {
        return EnumSet.copyOf(scopes).stream().map(TokenScope::value).collect(Collectors.joining(","));
    }

    public static Set<TokenScope> split(String stored) {
        Set<TokenScope> set = EnumSet.noneOf(TokenScope.class);
        if (stored != null) {
            Arrays.stream(stored.split(",")).map(TokenScope::parse).flatMap(Optional::stream).forEach(set::add);
        }
        return set;
    }

    public static List<String> values(Set<TokenScope> scopes) {
        return EnumSet.copyOf(scopes).stream().map(TokenScope::value).toList();
    }
}
