package io.progate.account;

import io.quarkus.qute.TemplateExtension;

/** Addresses of account form targets, for templates. */
@TemplateExtension
public final class AccountUrls {

    private AccountUrls() {
    }

    static String unlockUrl(User user) {
        return adminUrl(user, "unlock");
    }

    static String resetPasswordUrl(User user) {
        return adminUrl(user, "reset-password");
    }

    static String enableUrl(User user) {
        return adminUrl(user, user.enabled ? "disable" : "enable");
    }

    static String adminFlagUrl(User user) {
        return adminUrl(user, user.admin ? "revoke-admin" : "grant-admin");
    }

    static String revokeUrl(ApiToken token) {
        return "/me/tokens/" + token.id + "/revoke";
    }

    private static String adminUrl(User user, String action) {
        return AdminUsersResource.PAGE + "/" + user.username + "/" + action;
    }
}
