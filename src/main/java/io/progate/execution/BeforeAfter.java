package io.progate.execution;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What an update or delete changes on PRO, seen at {@code takenAt}: the fields that change, the
 * latest tag moving, access rules added and removed (by entity name), or for a delete which
 * version disappears and whether it carried the latest tag. {@code exists} false means the version
 * was not on PRO at that moment.
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
        List<String> accessAfter) {

    /** One field whose value changes; {@code before} is what PRO holds, {@code after} what it will hold. */
    public record Change(String field, String before, String after) {
    }

    @JsonIgnore
    public boolean latestMoves() {
        return latestAfter != null && !latestAfter.equals(latestBefore);
    }

    @JsonIgnore
    public boolean isDelete() {
        return "DELETE".equals(type);
    }
}
