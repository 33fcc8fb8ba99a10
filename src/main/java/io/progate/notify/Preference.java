package io.progate.notify;

import io.progate.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.EnumMap;
import java.util.Map;

/** A user's choice for one kind of event: by e-mail or not at all. No row means the kind's default. */
@Entity
@Table(name = "notification_preference")
public class Preference extends BaseEntity {

    /** The choices a person has for a kind. */
    public enum Choice {
        EMAIL, NONE
    }

    @Column(name = "user_id", nullable = false)
    public long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Choice channel;

    /** Every kind with the user's choice, defaults filled in. */
    public static Map<NotificationKind, Boolean> emailChoicesOf(long userId) {
        Map<NotificationKind, Boolean> choices = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            choices.put(kind, kind.onByDefault());
        }
        Preference.<Preference>list("userId", userId).forEach(p -> choices.put(p.kind, p.channel == Choice.EMAIL));
        return choices;
    }

    public static boolean wantsEmail(long userId, NotificationKind kind) {
        return Preference.<Preference>find("userId = ?1 and kind = ?2", userId, kind).firstResultOptional()
                .map(p -> p.channel == Choice.EMAIL).orElse(kind.onByDefault());
    }
}
