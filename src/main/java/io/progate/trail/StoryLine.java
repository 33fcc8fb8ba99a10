package io.progate.trail;

import io.progate.audit.AuditEntry;

/** One audit event as a sentence, with the event itself (its raw JSON one click away on the pages). */
public record StoryLine(AuditEntry entry, String sentence) {
}
