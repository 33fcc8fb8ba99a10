package io.progate.account;

import io.quarkus.qute.TemplateExtension;

/** Addresses of account form targets, for templates. */
@TemplateExtension
public final class AccountUrls {

    private AccountUrls() {
    }

    static String unlockUrl(User user) {
        return "/admin/users/" + user.username + "/unlock";
    }

    static String revokeUrl(ApiToken token) {
        return "/me/tokens/" + token.id + "/revoke";
    }
}
