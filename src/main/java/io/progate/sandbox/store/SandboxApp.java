package io.progate.sandbox.store;

import io.progate.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;
import java.util.Optional;

/** One published app version in the sandbox, with the size and SHA-256 of the package that arrived. */
@Entity
@Table(name = "sandbox_app")
public class SandboxApp extends BaseEntity {

    @Version
    public long version;

    @Column(nullable = false)
    public String name;

    @Column(name = "project_version", nullable = false)
    public String projectVersion;

    @Column(nullable = false)
    public String description = "";

    @Column(name = "aimms_version_id", nullable = false)
    public String aimmsVersionId;

    @Column(name = "project_category", nullable = false)
    public String projectCategory;

    /** JSON object of string attributes. */
    @Column(nullable = false)
    public String attributes = "{}";

    /** JSON array of {@code {authorization, deny, entity}}. */
    @Column(nullable = false)
    public String authorizations = "[]";

    @Column(name = "resource_profile")
    public String resourceProfile;

    @Column(name = "is_latest", nullable = false)
    public boolean latest;

    @Column(nullable = false)
    public boolean hidden;

    @Column(name = "package_name", nullable = false)
    public String packageName;

    @Column(name = "package_size", nullable = false)
    public long packageSize;

    @Column(name = "package_sha256", nullable = false)
    public String packageSha256;

    /** The package itself when it was small enough to keep (see progate.sandbox.keep-package-bytes). */
    @Column(name = "package_bytes")
    public byte[] packageBytes;

    @Column(name = "icon_size")
    public Long iconSize;

    @Column(name = "icon_sha256")
    public String iconSha256;

    public static Optional<SandboxApp> byNameAndVersion(String name, String projectVersion) {
        return find("name = ?1 and projectVersion = ?2", name, projectVersion).firstResultOptional();
    }

    public static List<SandboxApp> versionsOf(String name) {
        return list("name = ?1 order by createdAt, id", name);
    }

    public static List<SandboxApp> all() {
        return list("order by name, createdAt, id");
    }

    public static List<SandboxApp> latestFirst(int limit) {
        return find("order by createdAt desc, id desc").page(0, limit).list();
    }
}
