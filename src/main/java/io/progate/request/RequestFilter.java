package io.progate.request;

import io.progate.account.User;
import io.progate.team.Team;

/** Which requests a list shows; null fields do not filter. */
public record RequestFilter(Team team, User author, RequestStatus status, RequestType type, int limit) {

    public static final int DEFAULT_LIMIT = 200;
}
