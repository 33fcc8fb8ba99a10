package io.progate.notify;

import io.quarkus.qute.TemplateExtension;

/** Addresses of notification pages and form targets, for templates and redirects. */
@TemplateExtension
public final class NotifyUrls {

    static final String ADMIN_PAGE = "/admin/notifications";
    static final String SETTINGS_PAGE = "/me/notifications";

    private NotifyUrls() {
    }

    /** The team's webhooks page, for the team page's link. */
    static String webhooksUrl(io.progate.team.Team team) {
        return webhooksPage(team.slug);
    }

    static String webhooksPage(String slug) {
        return "/teams/" + slug + "/webhooks";
    }

    static String removeUrl(TeamWebhook webhook, String slug) {
        return webhooksPage(slug) + "/" + webhook.id + "/remove";
    }

    static String retryUrl(Delivery delivery) {
        return ADMIN_PAGE + "/" + delivery.id + "/retry";
    }

    /** Scheme and host only: a webhook URL's path often is its token. */
    static String host(TeamWebhook webhook) {
        return WebhookService.hostOf(webhook.url);
    }
}
