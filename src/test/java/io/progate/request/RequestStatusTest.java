package io.progate.request;

import static io.progate.request.RequestStatus.APPROVED;
import static io.progate.request.RequestStatus.CANCELLED;
import static io.progate.request.RequestStatus.CLOSED;
import static io.progate.request.RequestStatus.EXECUTING;
import static io.progate.request.RequestStatus.EXPIRED;
import static io.progate.request.RequestStatus.FAILED;
import static io.progate.request.RequestStatus.PENDING;
import static io.progate.request.RequestStatus.REJECTED;
import static io.progate.request.RequestStatus.SCHEDULED;
import static io.progate.request.RequestStatus.SUCCEEDED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.progate.common.ConflictException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every pair of statuses: the allowed transitions and only those. */
class RequestStatusTest {

    private static final Map<RequestStatus, Set<RequestStatus>> ALLOWED = Map.of(
            PENDING, EnumSet.of(APPROVED, REJECTED, CANCELLED, EXPIRED),
            APPROVED, EnumSet.of(EXECUTING, SCHEDULED),
            SCHEDULED, EnumSet.of(APPROVED, CANCELLED),
            EXECUTING, EnumSet.of(SUCCEEDED, FAILED),
            FAILED, EnumSet.of(APPROVED, CLOSED),
            CLOSED, EnumSet.noneOf(RequestStatus.class),
            SUCCEEDED, EnumSet.noneOf(RequestStatus.class),
            REJECTED, EnumSet.noneOf(RequestStatus.class),
            CANCELLED, EnumSet.noneOf(RequestStatus.class),
            EXPIRED, EnumSet.noneOf(RequestStatus.class));

    @Test
    void everyAllowedTransitionIsAllowedAndEveryOtherRefused() {
        for (RequestStatus from : RequestStatus.values()) {
            for (RequestStatus to : RequestStatus.values()) {
                boolean allowed = ALLOWED.get(from).contains(to);
                assertEquals(allowed, from.canMoveTo(to), from + " -> " + to);
                ReleaseRequest r = new ReleaseRequest();
                r.id = 1L;
                r.status = from;
                if (allowed) {
                    Instant at = Instant.parse("2026-01-02T03:04:05Z");
                    r.moveTo(to, at);
                    assertEquals(to, r.status);
                    assertEquals(at, r.updatedAt);
                    assertEquals(to.isFinished() ? at : null, r.finishedAt, from + " -> " + to);
                } else {
                    assertThrows(ConflictException.class, () -> r.moveTo(to, Instant.now()), from + " -> " + to);
                    assertEquals(from, r.status);
                }
            }
        }
    }

    @Test
    void finishedStatusesAreTheEnds() {
        assertEquals(EnumSet.of(SUCCEEDED, FAILED, CLOSED, REJECTED, CANCELLED, EXPIRED),
                EnumSet.copyOf(java.util.Arrays.stream(RequestStatus.values()).filter(RequestStatus::isFinished).toList()));
    }
}
