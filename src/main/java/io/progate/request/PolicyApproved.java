package io.progate.request;

import java.time.Instant;

/**
 * Fired, synchronously and inside the approving transaction (which holds the request's row lock),
 * when a POLICY request becomes APPROVED. Its one observer ({@code policy.PolicyService}) carries the
 * change out at once and ends the request; a failure there rolls the approval back with it.
 */
public record PolicyApproved(ReleaseRequest request, Instant at) {
}
