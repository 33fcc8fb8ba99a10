package io.progate.team;

import io.progate.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;

/** How a team's requests are approved. A team without a stored policy uses the defaults. */
@Entity
@Table(name = "team_policy")
public class TeamPolicy extends BaseEntity {

    public static final int DEFAULT_APPROVALS = 1;
    public static final int DEFAULT_MAX_WAIT_HOURS = 14 * 24;

    @Version
    public long version;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "team_id")
    public Team team;

    /** Approvals a publish or update request needs. */
    @Column(name = "required_approvals", nullable = false)
    public int requiredApprovals = DEFAULT_APPROVALS;

    /** Approvals a delete request needs. */
    @Column(name = "delete_approvals", nullable = false)
    public int deleteApprovals = DEFAULT_APPROVALS;

    /** Approvals a task request needs; 0 runs it on submission, audited as auto-approved. */
    @Column(name = "task_approvals", nullable = false)
    public int taskApprovals = DEFAULT_APPROVALS;

    /** App/service pairs whose tasks run without approval, one {@code app/service} a line. */
    @Column(name = "task_allow_list", nullable = false)
    public String taskAllowList = "";

    /** How long a request may wait for a decision before it expires. */
    @Column(name = "max_wait_hours", nullable = false)
    public int maxWaitHours = DEFAULT_MAX_WAIT_HOURS;

    /** Whether portal admins may approve this team's requests. */
    @Column(name = "admins_may_approve", nullable = false)
    public boolean adminsMayApprove = true;

    /** Change windows, one {@link ChangeWindow} a line; empty: requests run any time. */
    @Column(name = "change_windows", nullable = false)
    public String changeWindows = "";

    /** Whether approvers and admins may break the glass on this team's requests. */
    @Column(name = "break_glass_allowed", nullable = false)
    public boolean breakGlassAllowed = true;

    /** The stored policy, or an unsaved one with the defaults. */
    public static TeamPolicy of(Team team) {
        return TeamPolicy.<TeamPolicy>find("team", team).firstResultOptional().orElseGet(() -> {
            TeamPolicy policy = new TeamPolicy();
            policy.team = team;
            return policy;
        });
    }

    /** Approvals a request needs: {@link #deleteApprovals} for a delete, else {@link #requiredApprovals}. */
    public int approvalsFor(boolean delete) {
        return delete ? deleteApprovals : requiredApprovals;
    }

    /** Approvals a task of this app and service needs: 0 when the pair is on the allow-list, else {@link #taskApprovals}. */
    public int taskApprovalsFor(String appName, String serviceName) {
        return allowList().contains(TaskPair.of(appName, serviceName)) ? 0 : taskApprovals;
    }

    /** The allow-list as pairs, in their stored order. */
    public java.util.List<String> allowList() {
        return TaskPair.parse(taskAllowList);
    }

    public Duration maxWait() {
        return Duration.ofHours(maxWaitHours);
    }

    /** The change windows as values. */
    public ChangeWindows windows() {
        return ChangeWindows.parse(changeWindows);
    }
}
