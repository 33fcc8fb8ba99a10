package io.progate.web;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The portal's fixed pages and form targets, for templates: {@code {urls:approvals}}. Links to one
 * thing are properties of that thing, defined by its feature ({@code {team.url}}, {@code {r.url}},
 * {@code {team.appsUrl}}); no template writes an address of its own.
 */
@TemplateExtension(namespace = "urls")
public final class Urls {

    private Urls() {
    }

    static String home() {
        return "/";
    }

    static String login() {
        return "/login";
    }

    static String logout() {
        return "/logout";
    }

    static String me() {
        return "/me";
    }

    static String password() {
        return "/me/password";
    }

    static String tokens() {
        return "/me/tokens";
    }

    /** Each person's choice of notifications. */
    static String notificationSettings() {
        return "/me/notifications";
    }

    /** Sign-in through the single sign-on provider (io.progate.sso). */
    static String sso() {
        return "/sso";
    }

    static String approvals() {
        return "/approvals";
    }

    static String myRequests() {
        return "/requests";
    }

    static String audit() {
        return "/audit";
    }

    /** The audit page filtered to one team's events. */
    static String teamAudit(String slug) {
        return audit() + "?team=" + URLEncoder.encode(slug, StandardCharsets.UTF_8);
    }

    /** The audit page opened at an event (its keyset cursor). */
    static String auditAt(String cursor) {
        return audit() + "?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }

    static String auditVerify() {
        return "/admin/audit/verify";
    }

    static String adminTeams() {
        return "/admin/teams";
    }

    /** Which team owns which app names (io.progate.ownership). */
    static String adminAppOwners() {
        return "/admin/app-owners";
    }

    static String adminUsers() {
        return "/admin/users";
    }

    static String adminCredentials() {
        return "/admin/credentials";
    }

    static String rewrap() {
        return adminCredentials() + "/rewrap";
    }

    static String adminNotifications() {
        return "/admin/notifications";
    }

    static String adminFreezes() {
        return "/admin/freezes";
    }

    static String breakGlass() {
        return "/break-glass";
    }

    static String adminSandbox() {
        return "/admin/sandbox";
    }
}
