package io.progate.task;

import io.progate.common.BaseEntity;
import io.progate.pro.model.ProTask;
import io.progate.packages.RequestPackage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The PRO task a TASK request created, as PRO last reported it, and its response once ProGate has
 * fetched and stored it (with size and SHA-256, like packages). Written in the same transaction as
 * the request's SUCCEEDED, so a request never succeeds without the task it made being known.
 */
@Entity
@Table(name = "request_task")
public class RequestTask extends BaseEntity {

    @Version
    public long version;

    @Column(name = "request_id", nullable = false)
    public long requestId;

    @Column(name = "team_id", nullable = false)
    public long teamId;

    @Column(name = "task_id", nullable = false)
    public String taskId;

    /** PRO's state, lower case: queued, assigned, running, solving, completed, failed (or one PRO adds). */
    @Column(nullable = false)
    public String state;

    @Column(name = "pro_created_at")
    public Instant proCreatedAt;

    @Column(name = "running_at")
    public Instant runningAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "return_code")
    public Integer returnCode;

    @Column(name = "error_message")
    public String errorMessage;

    /** When PRO was last asked about the task. */
    @Column(name = "checked_at")
    public Instant checkedAt;

    /** Loaded with the row: views of a task are built after its transaction ended. */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "response_id")
    public RequestPackage response;

    /** Why the response is not stored (too large, or PRO refused it); null otherwise. */
    @Column(name = "response_problem")
    public String responseProblem;

    /** When the task was deleted in PRO through ProGate. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    /**
     * The row, locked first with {@code SELECT ... FOR UPDATE} and then read, so that two replicas
     * bringing the same task up to date write one after the other, each on the other's result.
     */
    public static Optional<RequestTask> locked(long id) {
        if (getEntityManager().createNativeQuery("select id from request_task where id = ?1 for update")
                .setParameter(1, id).getResultList().isEmpty()) {
            return Optional.empty();
        }
        return findByIdOptional(id);
    }

    public static Optional<RequestTask> ofRequest(long requestId) {
        return find("requestId", requestId).firstResultOptional();
    }

    /** Task ids of the team's TASK requests other than {@code requestId}: tasks that are someone else's. */
    public static List<String> taskIdsOfOthers(long teamId, long requestId) {
        return find("select t.taskId from RequestTask t where t.teamId = ?1 and t.requestId <> ?2", teamId, requestId)
                .project(String.class).list();
    }

    /** Tasks ProGate still follows: not deleted, and not finished with their response settled. */
    public static List<RequestTask> open(int limit) {
        return find("deletedAt is null and (state not in ('completed', 'failed') or (state = 'completed'"
                + " and response is null and responseProblem is null)) order by checkedAt nulls first, id")
                .page(0, limit).list();
    }

    public static List<RequestTask> ofTeam(long teamId) {
        return list("teamId", teamId);
    }

    public boolean isFinished() {
        return ProTask.COMPLETED.equals(state) || ProTask.FAILED.equals(state);
    }

    /** Copies what PRO reported about the task. */
    public void update(ProTask task, Instant now) {
        if (task.state() != null) {
            state = task.state().toLowerCase(Locale.ROOT);
        }
        proCreatedAt = task.createdAt() == null ? proCreatedAt : task.createdAt();
        runningAt = task.runningAt() == null ? runningAt : task.runningAt();
        endedAt = task.endedAt() == null ? endedAt : task.endedAt();
        returnCode = task.returnCode() == null ? returnCode : task.returnCode();
        errorMessage = task.errorMessage() == null ? errorMessage
                : task.errorMessage().length() > 2000 ? task.errorMessage().substring(0, 2000) : task.errorMessage();
        checkedAt = now;
    }
}
