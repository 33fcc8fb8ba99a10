package io.progate.notify;

/** What one notification says: its kind, the audit action behind it, one line, and a path inside ProGate. */
public record Message(NotificationKind kind, String event, Long teamId, Long requestId, String text, String path) {
}
