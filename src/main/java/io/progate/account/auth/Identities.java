package io.progate.account.auth;

import io.progate.account.TokenScope;
import io.progate.account.TokenService;
import io.progate.account.User;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Set;

/**
 * Builds the security identity of a signed-in user: role {@code user}, plus {@code admin} for admins
 * (for a token, only when it also carries the admin scope), and attributes saying how the request was
 * authenticated.
 */
public final class Identities {

    static final String USER = "user";
    public static final String ADMIN = "admin";
    /** Identity attribute with the user's display name, so pages need no database read for the layout. */
    public static final String DISPLAY_NAME = "progate.displayName";
    /** How the request was authenticated: {@link Method}. */
    public static final String METHOD = "progate.authMethod";
    /** The session id, for a request authenticated by the session cookie. */
    static final String SESSION_ID = "progate.sessionId";
    /**
     * The user row the identity was checked against, read by authentication on this request (or, for a
     * token, a few seconds ago: {@link TokenService#authenticate}). Never changed: {@link #user} hands out copies.
     */
    private static final String USER_ROW = "progate.user";
    /** Boolean: the user must change their password before doing anything else. */
    static final String MUST_CHANGE_PASSWORD = "progate.mustChangePassword";
    /** The token's id and scopes, for a request authenticated by a personal access token. */
    static final String TOKEN_ID = "progate.tokenId";
    static final String TOKEN_SCOPES = "progate.tokenScopes";

    /** The ways a request can be authenticated. */
    public enum Method {
        SESSION, BASIC, TOKEN, PROVIDER_TOKEN
    }

    private Identities() {
    }

    static SecurityIdentity forSession(User user, String sessionId) {
        return builder(user, user.admin, Method.SESSION).addAttribute(SESSION_ID, sessionId).build();
    }

    static SecurityIdentity forPassword(User user) {
        return builder(user, user.admin, Method.BASIC).build();
    }

    /** An access token of the single sign-on provider: the user's own rights, like a password sign-in. */
    static SecurityIdentity forProviderToken(User user) {
        return builder(user, user.admin, Method.PROVIDER_TOKEN).build();
    }

    static SecurityIdentity forToken(TokenService.Resolved token) {
        Set<TokenScope> scopes = token.scopes();
        User user = token.user();
        return builder(user, user.admin && scopes.contains(TokenScope.ADMIN), Method.TOKEN)
                .addAttribute(TOKEN_ID, token.id())
                .addAttribute(TOKEN_SCOPES, scopes)
                .build();
    }

    private static QuarkusSecurityIdentity.Builder builder(User user, boolean admin, Method method) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username))
                .addRole(USER)
                .addAttribute(DISPLAY_NAME, user.displayName)
                .addAttribute(METHOD, method)
                .addAttribute(MUST_CHANGE_PASSWORD, user.mustChangePassword)
                .addAttribute(USER_ROW, user);
        if (admin) {
            builder.addRole(ADMIN);
        }
        return builder;
    }

    public static Method method(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getAttribute(METHOD);
    }

    static String sessionId(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getAttribute(SESSION_ID);
    }

    static boolean mustChangePassword(SecurityIdentity identity) {
        return identity != null && !identity.isAnonymous()
                && Boolean.TRUE.equals(identity.getAttribute(MUST_CHANGE_PASSWORD));
    }

    /** A copy of the user row the identity was built from; empty for nobody or an identity made elsewhere. */
    public static java.util.Optional<User> user(SecurityIdentity identity) {
        Object user = identity == null || identity.isAnonymous() ? null : identity.getAttribute(USER_ROW);
        return user instanceof User u ? java.util.Optional.of(u.copy()) : java.util.Optional.empty();
    }

    public static Long tokenId(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getAttribute(TOKEN_ID);
    }

    static Set<TokenScope> tokenScopes(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getAttribute(TOKEN_SCOPES);
    }
}
