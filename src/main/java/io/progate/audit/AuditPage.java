package io.progate.audit;

import java.util.List;

/** One page of events, newest first, and the cursor of the next (older) page, null on the last. */
public record AuditPage(List<AuditEntry> events, String nextCursor) {
}
