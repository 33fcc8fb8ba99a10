package io.progate.sandbox;

import io.progate.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A fault switch: the next {@code remaining} matching calls answer a status, hang, or lose their connection. */
@Entity
@Table(name = "sandbox_fault")
public class SandboxFault extends BaseEntity {

    public enum Kind { STATUS, HANG, DROP }

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
