package io.progate.sandbox.store;

import io.progate.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;

/** An AIMMS version the sandbox offers: official, or a development build ({@code dev=true}). */
@Entity
@Table(name = "sandbox_aimms_version")
public class SandboxAimmsVersion extends BaseEntity {

    @Column(name = "version_id", nullable = false)
    public String versionId;

    @Column(nullable = false)
    public boolean official;

    public static Optional<SandboxAimmsVersion> byVersionId(String versionId) {
        return find("versionId", versionId).firstResultOptional();
    }

    public static List<SandboxAimmsVersion> listed(boolean includeDev) {
        return includeDev ? list("order by versionId") : list("official = true order by versionId");
    }
}
