package io.progate.notify;

import io.progate.account.User;
import io.progate.audit.AuditLog;
import io.progate.audit.AuditRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stores a person's choices: every kind gets a row, so a later change of a default does not change their choice. */
@ApplicationScoped
public class PreferenceService {

    @Inject
    AuditLog audit;

    /** E-mail for the kinds named in {@code emailKinds}, none for the others. */
    @Transactional
    public void save(User user, Collection<String> emailKinds) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (NotificationKind kind : NotificationKind.values()) {
            Preference.Choice choice = emailKinds.contains(kind.name()) ? Preference.Choice.EMAIL : Preference.Choice.NONE;
            Preference p = Preference.<Preference>find("userId = ?1 and kind = ?2", user.id, kind).firstResultOptional()
                    .orElseGet(() -> {
                        Preference created = new Preference();
                        created.userId = user.id;
                        created.kind = kind;
                        return created;
                    });
            p.channel = choice;
            p.persist();
            details.put(kind.name(), choice.name());
        }
        audit.record(AuditRecord.of("notification.settings", "user", user.username).details(details));
    }
}
