package io.progate.request.web;

import io.progate.account.CurrentUser;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestAction;
import io.progate.request.RequestService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * For templates, as {@code inject:glass}: whether the viewer may break the glass on, or review, a
 * request (the same checks as the actions), and how many break-glass requests wait for a review.
 */
@RequestScoped
@Named("glass")
public class GlassDoors {

    @Inject
    CurrentUser currentUser;

    @Inject
    RequestService requests;

    private Long awaiting;

    public boolean canBreak(ReleaseRequest r) {
        return currentUser.find().map(u -> requests.may(r, u, RequestAction.BREAK_GLASS)).orElse(false);
    }

    public boolean canReview(ReleaseRequest r) {
        return currentUser.find().map(u -> requests.may(r, u, RequestAction.REVIEW)).orElse(false);
    }

    /** Break-glass requests of the viewer's teams (all, for admins) nobody has reviewed yet. */
    public long getAwaitingReview() {
        if (awaiting == null) {
            awaiting = currentUser.find().map(ReleaseRequest::countAwaitingReview).orElse(0L);
        }
        return awaiting;
    }
}
