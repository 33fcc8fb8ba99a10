package io.progate.team;

import java.util.List;

/**
 * A change to a team's policy; null fields stay as they are. {@code taskAllowList} replaces the
 * whole list of app/service pairs whose tasks run without approval; {@code changeWindows} the whole list
 * of change windows (one {@link ChangeWindow} a line, empty for any time).
 */
public record PolicyInput(Integer requiredApprovals, Integer deleteApprovals, Integer maxWaitHours,
        Boolean adminsMayApprove, Integer taskApprovals, List<String> taskAllowList, List<String> changeWindows,
        Boolean breakGlassAllowed) {

    public PolicyInput(Integer requiredApprovals, Integer deleteApprovals, Integer maxWaitHours,
            Boolean adminsMayApprove, Integer taskApprovals, List<String> taskAllowList) {
        this(requiredApprovals, deleteApprovals, maxWaitHours, adminsMayApprove, taskApprovals, taskAllowList, null,
                null);
    }

    public PolicyInput(Integer requiredApprovals, Integer deleteApprovals, Integer maxWaitHours,
            Boolean adminsMayApprove) {
        this(requiredApprovals, deleteApprovals, maxWaitHours, adminsMayApprove, null, null);
    }
}
