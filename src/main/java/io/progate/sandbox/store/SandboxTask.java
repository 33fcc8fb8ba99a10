package io.progate.sandbox.store;

import io.progate.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/** A task run by the sandbox's simulated job runner. */
@Entity
@Table(name = "sandbox_task")
public class SandboxTask extends BaseEntity {

    @Version
    public long version;

    @Column(name = "task_id", nullable = false)
    public String taskId;

    @Column(name = "app_name", nullable = false)
    public String appName;

    @Column(name = "app_version", nullable = false)
    public String appVersion;

    @Column(name = "service_name", nullable = false)
    public String serviceName;

    @Column(name = "user_name", nullable = false)
    public String userName;

    @Column(nullable = false)
    public String state;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "running_at")
    public Instant runningAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "return_code")
    public Integer returnCode;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "request_body", nullable = false)
    public byte[] requestBody;

    @Column(name = "response_body")
    public byte[] responseBody;

    public static Optional<SandboxTask> byTaskId(String taskId) {
        return find("taskId", taskId).firstResultOptional();
    }
}
