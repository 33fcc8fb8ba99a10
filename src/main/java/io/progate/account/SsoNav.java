package io.progate.account;

import io.progate.sso.SsoConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** For the sign-in page and sign-out: whether single sign-on is on, and whether passwords are for admins only. */
@ApplicationScoped
@Named("sso")
public class SsoNav {

    /** Where sign-out of an SSO account goes on to the identity provider's sign-out. */
    static final String PROVIDER_SIGN_OUT = "/signed-out/provider";

    @Inject
    SsoConfig sso;

    @Inject
    AccountConfig accounts;

    public boolean isEnabled() {
        return sso.enabled();
    }

    public boolean isAdminOnlyPasswords() {
        return accounts.localLogin() == AccountConfig.LocalLogin.ADMIN_ONLY;
    }
}
