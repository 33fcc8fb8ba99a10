package io.progate.request;

import io.progate.common.BaseEntity;
import io.progate.team.Team;
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

    /** The stored policy, or an unsaved one with the defaults. */
    public static TeamPolicy of(Team team) {
        return TeamPolicy.<TeamPolicy>find("team", team).firstResultOptional().orElseGet(() -> {
            TeamPolicy policy = new TeamPolicy();
            policy.team = team;
            return policy;
        });
    }

    public int approvalsFor(RequestType type) {
        switch (type) {
            case DELETE:
                return deleteApprovals;
            case TASK:
                return taskApprovals;
            default:
                return requiredApprovals;
        }
    }

    /** Approvals a request of this type for this app (and, for a task, service) needs. */
    public int approvalsFor(RequestType type, String appName, String serviceName) {
        if (type == RequestType.TASK && allowList().contains(TaskPair.of(appName, serviceName))) {
            return 0;
        }
        return approvalsFor(type);
    }

    /** The allow-list as pairs, in their stored order. */
    public java.util.List<String> allowList() {
        return TaskPair.parse(taskAllowList);
    }

    public Duration maxWait() {
        return Duration.ofHours(maxWaitHours);
    }
}
