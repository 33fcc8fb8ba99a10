package io.progate.account;

import io.progate.account.auth.Identities;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;

/** The signed-in user of this request, loaded once. Templates reach it as {@code inject:currentUser}. */
@RequestScoped
@Named("currentUser")
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    private User user;

    /** The signed-in user; 401 when nobody is signed in. */
    public User get() {
        return find().orElseThrow(UnauthorizedException::new);
    }

    /**
     * The signed-in user as authentication read it on this request (a token's owner up to
     * {@code progate.tokens.cache-ttl} ago), so no second read holds a connection for the rest of the
     * request; an identity without its row (made elsewhere) is read in a transaction of its own.
     */
    public Optional<User> find() {
        if (user == null && identity != null && !identity.isAnonymous()) {
            user = Identities.user(identity).orElseGet(() -> QuarkusTransaction.joiningExisting()
                    .call(() -> User.byUsername(identity.getPrincipal().getName()).orElse(null)));
        }
        return Optional.ofNullable(user);
    }

    // The three below read the security identity only, never the database: the layout uses them,
    // and error pages (a refused @RolesAllowed, say) render it on the I/O thread.

    public boolean isSignedIn() {
        return identity != null && !identity.isAnonymous();
    }

    public boolean isAdmin() {
        return isSignedIn() && identity.hasRole(Identities.ADMIN);
    }

    public String displayName() {
        if (!isSignedIn()) {
            return "";
        }
        Object name = identity.getAttribute(Identities.DISPLAY_NAME);
        return name instanceof String s ? s : identity.getPrincipal().getName();
    }
}
