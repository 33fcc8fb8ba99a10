package io.progate.execution;

import io.progate.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * The worker's bookkeeping for one request: until when the current claim holds (or when the next
 * retry is due), how many transient failures this round has seen, and whether an approver closed
 * the request after it failed.
 */
@Entity
@Table(name = "execution_job")
public class ExecutionJob extends BaseEntity {

    @Column(name = "request_id", nullable = false)
    public long requestId;

    @Column(name = "available_at", nullable = false)
    public Instant availableAt;

    @Column(name = "worker_id")
    public String workerId;

    @Column(name = "transient_failures", nullable = false)
    public int transientFailures;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    public static Optional<ExecutionJob> forRequest(long requestId) {
        return find("requestId", requestId).firstResultOptional();
    }

    public boolean isClosed() {
        return closedAt != null;
    }
}
