package io.progate.sandbox.store;

import io.progate.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;

/** An app category of the sandbox's PRO account. */
@Entity
@Table(name = "sandbox_category")
public class SandboxCategory extends BaseEntity {

    @Column(name = "category_id", nullable = false)
    public String categoryId;

    @Column(nullable = false)
    public String value;

    public static Optional<SandboxCategory> byCategoryId(String categoryId) {
        return find("categoryId", categoryId).firstResultOptional();
    }

    /** The category of this name, whatever its case. */
    public static Optional<SandboxCategory> byValue(String value) {
        return find("lower(value) = lower(?1)", value).firstResultOptional();
    }

    public static List<SandboxCategory> all() {
        return list("order by value");
    }
}
