package io.progate.access;

import io.progate.pro.model.Authorization;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The access list of an app version before a change, and where that knowledge comes from: PRO
 * itself (when it returns the list, which documented PRO does not), the last access list ProGate
 * set for the version (a successful update request), or nothing.
 */
public record CurrentAccess(Source source, Long requestId, Instant at, List<Authorization> rules) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public enum Source { PRO, LAST_WRITE, UNKNOWN }

    public static CurrentAccess fromPro(List<Authorization> rules) {
        return new CurrentAccess(Source.PRO, null, null, rules);
    }

    public static CurrentAccess lastWrite(long requestId, Instant at, List<Authorization> rules) {
        return new CurrentAccess(Source.LAST_WRITE, requestId, at, rules);
    }

    public static CurrentAccess unknown() {
        return new CurrentAccess(Source.UNKNOWN, null, null, null);
    }

    public boolean known() {
        return source != Source.UNKNOWN;
    }

    /** Where the list comes from, in words, for every place it is shown. */
    public String label() {
        switch (source) {
            case PRO:
                return "as PRO reports it";
            case LAST_WRITE:
                return "as ProGate last set it (request #" + requestId + (at == null ? "" : ", " + WHEN.format(at))
                        + "); PRO does not report it, and a change made outside ProGate would not show here";
            default:
                return "unknown: PRO does not report it and ProGate has not set it for this version";
        }
    }
}
