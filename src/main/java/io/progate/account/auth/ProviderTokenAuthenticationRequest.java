package io.progate.account.auth;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An access token of the single sign-on provider, sent as {@code Authorization: Bearer} to the API. */
public class ProviderTokenAuthenticationRequest extends BaseAuthenticationRequest {

    private final String token;

    public ProviderTokenAuthenticationRequest(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }

    @Override
    public String toString() {
        return "ProviderTokenAuthenticationRequest[****]";
    }
}
