package io.progate.packages;

import io.progate.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An uploaded file (a package or an icon). The content lives in {@code request_package_chunk}
 * (see {@link PackageStore}); name, size, SHA-256 and the inspection stay after it is purged.
 */
@Entity
@Table(name = "request_package")
public class RequestPackage extends BaseEntity {

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false)
    public String sha256;

    /** What {@link PackageInspector} found, as JSON ({@link Inspection}). */
    @Column(nullable = false)
    public String inspection;

    @Column(name = "purged_at")
    public Instant purgedAt;

    public boolean isPurged() {
        return purgedAt != null;
    }
}
