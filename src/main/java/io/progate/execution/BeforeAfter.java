package io.progate.execution;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What an update or delete changes on PRO, seen at {@code takenAt}: the fields that change (each
 * attribute key added, changed or removed), the latest tag moving, access rules added and removed
 * (by entity name), or for a delete which version disappears and whether it carried the latest tag.
 * {@code exists} false means the version was not on PRO at that moment. The view only informs:
 * what could not be read is listed in {@code unread}, and {@code accessBeforeSource} says where the
 * access list before the change comes from (PRO, or ProGate's last write).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BeforeAfter(
        String takenAt,
        String type,
        String appName,
        String appVersion,
        boolean exists,
        List<Change> changes,
        String latestBefore,
        String latestAfter,
        boolean deletesLatest,
        boolean accessChanges,
        boolean accessBeforeKnown,
        List<String> accessAdded,
        List<String> accessRemoved,
        List<String> accessAfter,
        String accessBeforeSource,
        List<String> unread) {

    public static final String ADDED = "added";
    public static final String CHANGED = "changed";
    public static final String REMOVED = "removed";

    /**
     * One field whose value changes; {@code before} is what PRO holds, {@code after} what it will
     * hold; {@code kind} is {@value #ADDED}, {@value #CHANGED} or {@value #REMOVED}.
     */
    public record Change(String field, String before, String after, String kind) {

        @JsonIgnore
        public boolean removed() {
            return REMOVED.equals(kind);
        }
    }

    @JsonIgnore
    public boolean latestMoves() {
        return latestAfter != null && !latestAfter.equals(latestBefore);
    }

    @JsonIgnore
    public boolean isDelete() {
        return "DELETE".equals(type);
    }

    /** True when the version itself could not be read (then nothing else is known). */
    @JsonIgnore
    public boolean versionUnread() {
        return !exists && unread != null && !unread.isEmpty();
    }
}
