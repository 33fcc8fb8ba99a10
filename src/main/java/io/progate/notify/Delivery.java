package io.progate.notify;

import io.progate.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * One message to one recipient, in the outbox: written in the transaction of the change it tells
 * about, delivered later by {@link DeliveryWorker}. Holds no secret: a webhook's signing secret stays
 * sealed on the webhook row.
 */
@Entity
@Table(name = "notification_delivery")
public class Delivery extends BaseEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationKind kind;

    /** The audit action that caused it ({@code request.submit}, ...) or {@code digest}. */
    @Column(nullable = false)
    public String event;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "team_id")
    public Long teamId;

    @Column(name = "request_id")
    public Long requestId;

    @Column(name = "user_id")
    public Long userId;

    @Column(name = "webhook_id")
    public Long webhookId;

    /** The e-mail address, or the webhook's name (never its URL's secret parts: the URL stays on the webhook). */
    @Column(nullable = false)
    public String address;

    /** What happened, in one line. */
    @Column(nullable = false)
    public String message;

    /** Absolute deep link into ProGate. */
    @Column(nullable = false)
    public String link;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status = DeliveryStatus.PENDING;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** Dead deliveries first, then the most recent ones: what the admin page lists. */
    public static List<Delivery> deadAndRecent(int limit) {
        return find("order by case when status = ?1 then 0 else 1 end, id desc", DeliveryStatus.DEAD).page(0, limit)
                .list();
    }

    public static long countIn(DeliveryStatus status) {
        return count("status", status);
    }
}
