package io.progate.audit;

import java.util.Map;

/**
 * What a caller tells the audit log. Actor and source IP default to the current request's;
 * details must never hold a secret.
 */
public final class AuditRecord {

    final String action;
    final String targetType;
    final String targetId;
    String actor;
    String sourceIp;
    Long teamId;
    Outcome outcome = Outcome.SUCCESS;
    Map<String, ?> details = Map.of();

    private AuditRecord(String action, String targetType, String targetId) {
        this.action = action;
        this.targetType = targetType;
        this.targetId = targetId == null ? "" : targetId;
    }

    public static AuditRecord of(String action, String targetType, String targetId) {
        return new AuditRecord(action, targetType, targetId);
    }

    public AuditRecord actor(String actor) {
        this.actor = actor;
        return this;
    }

    public AuditRecord sourceIp(String sourceIp) {
        this.sourceIp = sourceIp;
        return this;
    }

    public AuditRecord team(Long teamId) {
        this.teamId = teamId;
        return this;
    }

    public AuditRecord failure() {
        this.outcome = Outcome.FAILURE;
        return this;
    }

    public AuditRecord outcome(Outcome outcome) {
        this.outcome = outcome;
        return this;
    }

    public AuditRecord details(Map<String, ?> details) {
        this.details = details == null ? Map.of() : details;
        return this;
    }
}
