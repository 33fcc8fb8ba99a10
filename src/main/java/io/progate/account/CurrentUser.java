package io.progate.account;

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

    public Optional<User> find() {
        if (user == null && identity != null && !identity.isAnonymous()) {
            user = User.byUsername(identity.getPrincipal().getName()).orElse(null);
        }
        return Optional.ofNullable(user);
    }

    public boolean isSignedIn() {
        return find().isPresent();
    }

    public boolean isAdmin() {
        return find().map(u -> u.admin).orElse(false);
    }

    public String displayName() {
        return find().map(u -> u.displayName).orElse("");
    }
}
