package io.progate.sso;

import io.progate.account.AccountConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** For the sign-in page: whether single sign-on is on, and whether passwords are for admins only. */
@ApplicationScoped
@Named("sso")
public class SsoNav {

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
