package io.progate.sandbox.store;

import io.progate.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A fault switch: the next {@code remaining} matching calls answer a status or a web page, hang, or lose their connection. */
@Entity
@Table(name = "sandbox_fault")
public class SandboxFault extends BaseEntity {

    /** STATUS answers a status, HANG waits before answering, DROP closes the connection, HTML answers 200 with a web page. */
    public enum Kind { STATUS, HANG, DROP, HTML }

    /** Only calls with this method, or any method when null. */
    public String method;

    /** Calls whose path (below the account URL) contains this text. */
    @Column(name = "path_part", nullable = false)
    public String pathPart;

    @Column(nullable = false)
    public int remaining;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    public Integer status;

    @Column(name = "hang_millis")
    public Long hangMillis;
}
