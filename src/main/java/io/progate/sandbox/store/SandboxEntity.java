package io.progate.sandbox.store;

import io.progate.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** An environment, group or user of the sandbox's user manager, with its numeric entity id. */
@Entity
@Table(name = "sandbox_entity")
public class SandboxEntity extends BaseEntity {

    public enum Kind { ENVIRONMENT, GROUP, USER }

    @Column(name = "entity_id", nullable = false)
    public long entityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "environment_name", nullable = false)
    public String environmentName;

    /** The environment's, group's or user's name. */
    @Column(nullable = false)
    public String name;

    public String email;

    @Column(name = "full_name")
    public String fullName;

    /** Group names of a user, comma-separated. */
    public String groups;

    public static List<SandboxEntity> ofKind(Kind kind) {
        return list("kind = ?1 order by entityId", kind);
    }

    public static Optional<SandboxEntity> byEntityId(long entityId) {
        return find("entityId", entityId).firstResultOptional();
    }

    public static Optional<SandboxEntity> user(String userName) {
        return find("kind = ?1 and name = ?2", Kind.USER, userName).firstResultOptional();
    }

    public List<String> groupList() {
        return groups == null ? List.of() : Arrays.stream(groups.split(",")).filter(s -> !s.isBlank()).toList();
    }
}
