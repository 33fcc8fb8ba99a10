package io.progate.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One audit event as shown to people and programs: the stored columns plus the team's slug.
 * {@code details} is JSON and is embedded as such in JSON answers.
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String sourceIp, Long teamId, String team,
        String action, String targetType, String targetId, Outcome outcome, @JsonRawValue String details,
        String prevHash, String hash) {

    public boolean failed() {
        return outcome == Outcome.FAILURE;
    }
}
