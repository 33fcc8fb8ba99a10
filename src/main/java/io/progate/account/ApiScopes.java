package io.progate.account;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which token scope each API call needs, in one table. Every GET needs {@code read}; each unsafe call
 * is listed with its scope. An unsafe call that is not listed refuses tokens altogether (fail closed),
 * and so does creating a token; revoking a token is allowed to that token itself only (see
 * {@link TokenService#revoke}). A test walks every API resource method to keep this table complete.
 */
public final class ApiScopes {

    /** What a call needs: a scope, any token at all, or no token ({@link #refused}). */
    public record Need(TokenScope scope, boolean anyToken) {
        static final Need REFUSED = new Need(null, false);

        public boolean refused() {
            return scope == null && !anyToken;
        }
    }

    private record Rule(Set<String> methods, Pattern path, Need need) {
    }

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String SEG = "[^/]+";
    private static final List<Rule> RULES = List.of(
            rule(Set.of("POST"), "/me/tokens", Need.REFUSED),
            rule(Set.of("DELETE"), "/me/tokens/" + SEG, new Need(null, true)),
            rule(UNSAFE, "/users(/.*)?", scope(TokenScope.ADMIN)),
            rule(Set.of("POST"), "/teams", scope(TokenScope.ADMIN)),
            rule(Set.of("PATCH", "DELETE"), "/teams/" + SEG, scope(TokenScope.ADMIN)),
            rule(Set.of("PUT", "DELETE"), "/teams/" + SEG + "/members/" + SEG, scope(TokenScope.ADMIN)),
            rule(UNSAFE, "/admin/.*", scope(TokenScope.ADMIN)),
            rule(UNSAFE, "/teams/" + SEG + "/credentials(/.*)?", scope(TokenScope.DECIDE)),
            rule(Set.of("PUT"), "/teams/" + SEG + "/policy(/rules)?", scope(TokenScope.DECIDE)),
            rule(Set.of("PUT"), "/teams/" + SEG + "/app-owners/view", scope(TokenScope.DECIDE)),
            rule(Set.of("PUT", "DELETE"), "/teams/" + SEG + "/entity-labels/" + SEG, scope(TokenScope.DECIDE)),
            rule(Set.of("POST"), "/teams/" + SEG + "/requests", scope(TokenScope.SUBMIT)),
            rule(Set.of("POST"), "/requests/" + SEG + "/cancel", scope(TokenScope.SUBMIT)),
            rule(Set.of("POST"), "/requests/" + SEG + "/task/interrupt", scope(TokenScope.SUBMIT)),
            rule(Set.of("DELETE"), "/requests/" + SEG + "/task", scope(TokenScope.SUBMIT)),
            rule(Set.of("POST"), "/requests/" + SEG + "/(approve|reject|retry|close)", scope(TokenScope.DECIDE)),
            rule(Set.of("POST"), "/requests/" + SEG + "/(break-glass|review)", scope(TokenScope.DECIDE)),
            rule(Set.of("POST"), "/teams/" + SEG + "/freezes", scope(TokenScope.DECIDE)),
            rule(Set.of("POST"), "/freezes/" + SEG + "/lift", scope(TokenScope.DECIDE)),
            rule(Set.of("POST"), "/freezes", scope(TokenScope.ADMIN)),
            rule(Set.of("POST"), "/executions/" + SEG + "/close", scope(TokenScope.DECIDE)));

    private ApiScopes() {
    }

    /** What a call to {@code path} (starting with /api/v1) with {@code method} needs of a token. */
    public static Need need(String method, String path) {
        if (method.equals("GET") || method.equals("HEAD")) {
            return scope(TokenScope.READ);
        }
        if (!path.startsWith("/api/v1/")) {
            return Need.REFUSED;
        }
        String rest = path.substring("/api/v1".length());
        return RULES.stream()
                .filter(r -> r.methods().contains(method) && r.path().matcher(rest).matches())
                .map(Rule::need).findFirst().orElse(Need.REFUSED);
    }

    /** Whether the call is in the table (or is a read); false means tokens are refused by default. */
    public static boolean listed(String method, String path) {
        if (method.equals("GET") || method.equals("HEAD")) {
            return true;
        }
        String rest = path.startsWith("/api/v1") ? path.substring("/api/v1".length()) : path;
        return RULES.stream().anyMatch(r -> r.methods().contains(method) && r.path().matcher(rest).matches());
    }

    /** Whether a token with {@code scopes} may make the call; empty when it may, else why not. */
    public static Optional<String> refusal(String method, String path, Set<TokenScope> scopes) {
        Need need = need(method, path);
        if (need.refused()) {
            return Optional.of("this call does not accept personal access tokens; sign in or use HTTP Basic");
        }
        if (need.scope() != null && !scopes.contains(need.scope())) {
            return Optional.of("the token lacks the '" + need.scope().value() + "' scope");
        }
        return Optional.empty();
    }

    private static Need scope(TokenScope scope) {
        return new Need(scope, false);
    }

    private static Rule rule(Set<String> methods, String path, Need need) {
        return new Rule(methods, Pattern.compile("^" + path + "$"), need);
    }
}
