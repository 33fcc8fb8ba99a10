package io.progate.notify;

import io.progate.account.CurrentUser;
import io.progate.account.User;
import io.progate.common.InvalidInputException;
import io.progate.web.Flash;
import io.progate.web.FormErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;

/** A team's webhooks, for its approvers: list, add (the secret is shown on that one answer), remove. */
@Path("/teams/{slug}/webhooks")
@Authenticated
public class TeamWebhooksResource {

    @Inject
    WebhookService webhooks;

    @Inject
    CurrentUser currentUser;

    /** What the form sends back when it has to be shown again. */
    public record WebhookForm(String name, String url, String format, Set<NotificationKind> kinds) {
        static final WebhookForm EMPTY = new WebhookForm("", "", "JSON", EnumSet.of(NotificationKind.DECISION_NEEDED));

        public boolean has(NotificationKind kind) {
            return kinds.contains(kind);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance webhooks(String slug, List<TeamWebhook> webhooks, WebhookForm form,
                Map<String, String> errors, String newSecret, List<NotificationKind> kinds,
                List<WebhookFormat> formats);
    }

    @GET
    public TemplateInstance page(@PathParam("slug") String slug) {
        return page(slug, currentUser.get(), WebhookForm.EMPTY, Map.of(), null);
    }

    /** Shows the new secret on this one answer (no redirect: the secret must not travel in a cookie). */
    @POST
    public Response add(@PathParam("slug") String slug, @RestForm String name, @RestForm String url,
            @RestForm String format, @RestForm("kind") List<String> kinds) {
        User user = currentUser.get();
        Set<NotificationKind> chosen = EnumSet.noneOf(NotificationKind.class);
        for (String k : kinds == null ? List.<String>of() : kinds) {
            for (NotificationKind kind : NotificationKind.values()) {
                if (kind.name().equals(k)) {
                    chosen.add(kind);
                }
            }
        }
        WebhookForm form = new WebhookForm(name, url, format, chosen);
        try {
            WebhookService.Created created = webhooks.create(slug, user,
                    new WebhookService.WebhookInput(name, url, format, chosen));
            String page = page(slug, user, WebhookForm.EMPTY, Map.of(), created.secret()).render();
            return Response.ok(page, MediaType.TEXT_HTML_TYPE).header("Cache-Control", "no-store").build();
        } catch (InvalidInputException e) {
            return FormErrors.badRequest(page(slug, user, form, FormErrors.of(e), null));
        }
    }

    @POST
    @Path("{id}/remove")
    public Response remove(@PathParam("slug") String slug, @PathParam("id") long id) {
        webhooks.remove(slug, currentUser.get(), id);
        return Flash.redirect(NotifyUrls.webhooksPage(slug), "Webhook removed.");
    }

    private TemplateInstance page(String slug, User user, WebhookForm form, Map<String, String> errors, String secret) {
        return Templates.webhooks(slug, webhooks.list(slug, user), form, errors, secret,
                List.of(NotificationKind.values()).stream().filter(NotificationKind::forWebhooks).toList(),
                List.of(WebhookFormat.values()));
    }
}
