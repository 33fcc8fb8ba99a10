package io.progate.audit;

import io.quarkus.qute.TemplateExtension;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How audit events read on pages. */
@TemplateExtension
public final class AuditFormat {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private AuditFormat() {
    }

    static String when(AuditEntry e) {
        return WHEN.format(e.occurredAt());
    }

    static String teamName(AuditEntry e) {
        if (e.teamId() == null) {
            return "";
        }
        return e.team() != null ? e.team() : "#" + e.teamId();
    }

    static String shortHash(AuditEntry e) {
        return e.hash().substring(0, 12);
    }
}
