package io.progate.team;

/** A change to a team's policy; null fields stay as they are. */
public record PolicyInput(Integer requiredApprovals, Integer deleteApprovals, Integer maxWaitHours,
        Boolean adminsMayApprove) {
}
