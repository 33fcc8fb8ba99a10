package io.progate.account;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** Builds the security identity of a signed-in user: role {@code user}, plus {@code admin} for admins. */
final class Identities {

    static final String USER = "user";
    static final String ADMIN = "admin";
    /** Identity attribute with the user's display name, so pages need no database read for the layout. */
    static final String DISPLAY_NAME = "progate.displayName";

    private Identities() {
    }

    static SecurityIdentity of(User user) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username))
                .addRole(USER)
                .addAttribute(DISPLAY_NAME, user.displayName);
        if (user.admin) {
            builder.addRole(ADMIN);
        }
        return builder.build();
    }
}
