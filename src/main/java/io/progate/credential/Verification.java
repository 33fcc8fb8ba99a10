package io.progate.credential;

import io.progate.pro.model.ProScope;
import java.util.List;
import java.util.stream.Collectors;

/** What PRO said when a key was tried, scope by scope. */
public record Verification(List<ScopeCheck> checks) {

    public enum Status {
        /** PRO accepted the key for this scope. */
        OK,
        /** PRO answered, and refused (unknown or expired key, missing scope). */
        REFUSED,
        /** PRO could not be asked (unreachable, timed out, no client). */
        UNAVAILABLE
    }

    /** One scope's outcome; {@code reason} is readable and never holds the key. */
    public record ScopeCheck(ProScope scope, Status status, String reason) {
    }

    public boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(c -> c.status() == Status.OK);
    }

    public List<ScopeCheck> failures() {
        return checks.stream().filter(c -> c.status() != Status.OK).toList();
    }

    /** One line, e.g. {@code PublishApp: OK; Tasks: REFUSED (403 ...)}. */
    public String summary() {
        return checks.stream()
                .map(c -> c.scope().wireName() + ": " + c.status() + (c.status() == Status.OK ? "" : " (" + c.reason() + ")"))
                .collect(Collectors.joining("; "));
    }
}
