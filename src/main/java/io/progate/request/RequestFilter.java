package io.progate.request;

import io.progate.common.Paging;

/**
 * Which requests a list shows (null fields do not filter: the team's and the author's ids, status, type),
 * and which page of them, newest first.
 */
public record RequestFilter(Long teamId, Long authorId, RequestStatus status, RequestType type, Paging paging) {
}
