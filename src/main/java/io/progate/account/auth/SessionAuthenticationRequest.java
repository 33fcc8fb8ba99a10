package io.progate.account.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A decrypted session cookie, still to be checked against the user row. */
public class SessionAuthenticationRequest extends BaseAuthenticationRequest {

    private final SessionCodec.Session session;

    public SessionAuthenticationRequest(SessionCodec.Session session) {
        this.session = session;
    }

    SessionCodec.Session session() {
        return session;
    }

    @Override
    public String toString() {
        return "SessionAuthenticationRequest[redacted]";
    }
}
