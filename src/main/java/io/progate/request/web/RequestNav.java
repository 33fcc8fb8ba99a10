package io.progate.request.web;

import io.progate.account.CurrentUser;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestStatus;
import io.progate.request.RequestType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The navigation's approvals count, as {@code inject:requestNav.approvals}, counted once per page. */
@RequestScoped
@Named("requestNav")
public class RequestNav {

    @Inject
    CurrentUser currentUser;

    private Long approvals;

    public java.util.List<String> getStatuses() {
        return java.util.Arrays.stream(RequestStatus.values()).map(Enum::name).toList();
    }

    public java.util.List<String> getTypes() {
        return java.util.Arrays.stream(RequestType.values()).map(Enum::name).toList();
    }

    /**
     * Requests waiting for the viewer; null on the I/O thread, where error pages for refused role
     * checks are rendered and no database read is allowed (the layout then shows no count).
     */
    public Long getApprovals() {
        if (io.vertx.core.Context.isOnEventLoopThread()) {
            return null;
        }
        if (approvals == null) {
            approvals = currentUser.find().map(ReleaseRequest::countWaitingFor).orElse(0L);
        }
        return approvals;
    }
}
