package io.progate.notify;

import io.progate.account.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;

/**
 * Adds deliveries in the caller's transaction, so a message exists exactly when the change it tells
 * about committed. Each recipient gets a row of its own: e-mail to people who want this kind, a post
 * to each of the team's webhooks that carries it.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    NotifyConfig config;

    @Inject
    Event<OutboxWritten> written;

    /** Queues {@code message} for each person (as they chose for its kind) and for the team's webhooks of its kind. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int add(Message message, Collection<User> people) {
        return add(message, people, Instant.now());
    }

    /** As {@link #add(Message, Collection)}, recorded as written at {@code at} (a job run for a given time). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int add(Message message, Collection<User> people, Instant at) {
        Instant now = at;
        int added = 0;
        for (User user : people) {
            if (user.enabled && user.email != null && !user.email.isBlank()
                    && Preference.wantsEmail(user.id, message.kind())) {
                Delivery d = delivery(message, Channel.EMAIL, now);
                d.userId = user.id;
                d.address = user.email;
                d.persist();
                added++;
            }
        }
        if (message.teamId() != null && message.kind().forWebhooks()) {
            for (TeamWebhook webhook : TeamWebhook.forKind(message.teamId(), message.kind())) {
                Delivery d = delivery(message, Channel.WEBHOOK, now);
                d.webhookId = webhook.id;
                d.address = webhook.name;
                d.persist();
                added++;
            }
        }
        if (added > 0) {
            written.fire(new OutboxWritten());
        }
        return added;
    }

    private Delivery delivery(Message message, Channel channel, Instant now) {
        Delivery d = new Delivery();
        d.kind = message.kind();
        d.event = message.event();
        d.channel = channel;
        d.teamId = message.teamId();
        d.requestId = message.requestId();
        d.message = clip(message.text(), 1000);
        d.link = clip(link(message.path()), 1000);
        d.nextAttemptAt = Instant.now();
        d.createdAt = now;
        return d;
    }

    /** The absolute deep link for a path inside ProGate. */
    public String link(String path) {
        String base = config.baseUrl().endsWith("/") ? config.baseUrl().substring(0, config.baseUrl().length() - 1)
                : config.baseUrl();
        return base + path;
    }

    static String clip(String text, int max) {
        String oneLine = text.replaceAll("[\\r\\n]+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
