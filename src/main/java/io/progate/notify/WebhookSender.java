package io.progate.notify;

import io.progate.credential.Vault;
import io.progate.team.ProUrls;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * Posts a delivery to its team webhook: the body in the webhook's format, signed with HMAC-SHA256 under
 * the webhook's secret (opened here, used, wiped), with the delivery's id so a receiver can drop a
 * repeat. A 2xx answer delivers; 408, 429 and 5xx and connection failures are tried again; any other
 * answer, a removed webhook, or a URL whose host now resolves to an internal address (checked again
 * before each post), is final. Redirects are not followed.
 */
@ApplicationScoped
public class WebhookSender {

    public static final String DELIVERY_HEADER = "X-ProGate-Delivery";
    public static final String EVENT_HEADER = "X-ProGate-Event";

    @Inject
    Vault vault;

    @Inject
    NotifyConfig config;

    @Inject
    ProUrls urls;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public void send(Delivery d) {
        Prepared post = QuarkusTransaction.requiringNew().call(() -> prepare(d));
        HttpRequest request = HttpRequest.newBuilder(URI.create(post.url())).timeout(config.webhookTimeout())
                .header("Content-Type", "application/json").header("User-Agent", "ProGate-Webhook")
                .header(DELIVERY_HEADER, d.id.toString()).header(EVENT_HEADER, d.event)
                .header(WebhookSignature.HEADER, post.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(post.body())).build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new DeliveryFailedException("webhook unreachable: " + e.getClass().getSimpleName(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("interrupted", false);
        }
        if (status / 100 == 2) {
            return;
        }
        boolean retryable = status == 408 || status == 429 || status >= 500;
        throw new DeliveryFailedException("webhook answered HTTP " + status, !retryable);
    }

    private record Prepared(String url, byte[] body, String signature) {
    }

    private Prepared prepare(Delivery d) {
        TeamWebhook webhook = TeamWebhook.findById(d.webhookId);
        if (webhook == null) {
            throw new DeliveryFailedException("the webhook was removed", true);
        }
        urls.problem(webhook.url).ifPresent(problem -> {
            throw new DeliveryFailedException("the webhook's URL is no longer allowed: it " + problem, true);
        });
        byte[] body = WebhookPayloads.body(webhook.format, d);
        byte[] secret = vault.openOther(TeamWebhook.SEAL_PURPOSE, webhook.teamId, webhook.id, webhook.sealed());
        try {
            return new Prepared(webhook.url, body, WebhookSignature.of(secret, body));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
