package io.progate.account.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The CSRF token of the current session, for the form tag ({@code inject:csrf}) and scripts. */
@RequestScoped
@Named("csrf")
public class CsrfToken {

    @Inject
    SecurityIdentity identity;

    @Inject
    SessionCodec codec;

    public String getParameterName() {
        return CsrfFilter.FIELD;
    }

    public String getHeaderName() {
        return CsrfFilter.HEADER;
    }

    /** The token; empty when the request has no session (no form of the page can then do anything). */
    public String getToken() {
        String sessionId = Identities.sessionId(identity);
        return sessionId == null ? "" : codec.csrfToken(sessionId);
    }
}
