package io.progate.account.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A personal access token presented as {@code Authorization: Bearer <token>}. */
public class TokenAuthenticationRequest extends BaseAuthenticationRequest {

    private final String token;

    public TokenAuthenticationRequest(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }

    @Override
    public String toString() {
        return "TokenAuthenticationRequest[redacted]";
    }
}
