package io.progate.audit;

import java.util.Map;

/**
 * Fired synchronously, inside the writer's transaction, after an audit event is appended: observers
 * that write rows of their own (the notification outbox) commit or roll back with the change itself.
 * Details are the redacted ones the log stores.
 */
public record AuditRecorded(String action, String targetType, String targetId, Long teamId, String actor,
        Outcome outcome, Map<String, ?> details) {

    public boolean succeeded() {
        return outcome == Outcome.SUCCESS;
    }
}
