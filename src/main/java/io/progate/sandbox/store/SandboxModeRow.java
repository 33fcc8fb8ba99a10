package io.progate.sandbox.store;

import io.progate.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** One sandbox mode that is on (kept in the database so that every replica honours it). */
@Entity
@Table(name = "sandbox_mode")
public class SandboxModeRow extends BaseEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SandboxMode mode;
}
