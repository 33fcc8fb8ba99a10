package io.progate.request.web;

import io.progate.account.User;
import io.progate.common.Validator;
import io.progate.request.RequestFilter;
import io.progate.request.RequestStatus;
import io.progate.request.RequestType;
import io.progate.team.Team;

/** Parses the status and type filters of request lists; an unknown value is a 400, not an empty list. */
final class Filters {

    private Filters() {
    }

    static RequestFilter parse(Team team, User author, String status, String type) {
        RequestStatus s = blank(status) ? null : RequestStatus.parse(status).orElse(null);
        RequestType t = blank(type) ? null : RequestType.parse(type).orElse(null);
        new Validator()
                .check(blank(status) || s != null, "status", "one of " + java.util.Arrays.toString(RequestStatus.values()))
                .check(blank(type) || t != null, "type", "one of PUBLISH, UPDATE, DELETE")
                .throwIfInvalid();
        return new RequestFilter(team, author, s, t, RequestFilter.DEFAULT_LIMIT);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
