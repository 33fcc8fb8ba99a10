package io.progate.request;

import io.progate.account.User;
import io.progate.common.Paging;
import io.progate.team.Team;

/** Which requests a list shows (null fields do not filter), and which page of them, newest first. */
public record RequestFilter(Team team, User author, RequestStatus status, RequestType type, Paging paging) {
}
