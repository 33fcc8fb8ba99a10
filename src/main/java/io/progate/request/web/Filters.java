package io.progate.request.web;

import io.progate.common.Paging;
import io.progate.common.Validator;
import io.progate.request.RequestFilter;
import io.progate.request.RequestStatus;
import io.progate.request.RequestType;

/** Parses the status and type filters of request lists; an unknown value is a 400, not an empty list. */
final class Filters {

    private Filters() {
    }

    static RequestFilter parse(Long teamId, Long authorId, String status, String type, Paging paging) {
        RequestStatus s = blank(status) ? null : RequestStatus.parse(status).orElse(null);
        RequestType t = blank(type) ? null : RequestType.parse(type).orElse(null);
        new Validator()
                .check(blank(status) || s != null, "status", "one of " + java.util.Arrays.toString(RequestStatus.values()))
                .check(blank(type) || t != null, "type", "one of PUBLISH, UPDATE, DELETE")
                .throwIfInvalid();
        return new RequestFilter(teamId, authorId, s, t, paging);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
