package io.progate.audit;

import java.time.Instant;
import java.util.Set;

/**
 * Which events to read. Null fields do not filter. {@code visibleTeams} null means every event
 * (admins); otherwise only events of those teams, never team-less ones. {@code beforeId} is the
 * keyset cursor: only events older than it.
 */
public record AuditFilter(Set<Long> visibleTeams, Long teamId, String actor, String action, String targetType,
        String targetId, Outcome outcome, Instant from, Instant to, String text, Long beforeId) {

    public static AuditFilter everything() {
        return new AuditFilter(null, null, null, null, null, null, null, null, null, null, null);
    }

    public AuditFilter before(Long id) {
        return new AuditFilter(visibleTeams, teamId, actor, action, targetType, targetId, outcome, from, to, text, id);
    }

    public AuditFilter visibleTo(Set<Long> teams) {
        return new AuditFilter(teams, teamId, actor, action, targetType, targetId, outcome, from, to, text, beforeId);
    }

    public AuditFilter target(String type, String id) {
        return new AuditFilter(visibleTeams, teamId, actor, action, type, id, outcome, from, to, text, beforeId);
    }
}
