package io.progate.access;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/** The {@link Names} of a team: its PRO directory (when it carries ids) and its labels. */
@ApplicationScoped
public class EntityNames {

    @Inject
    AccessDirectory directory;

    /** Reads the directory from PRO (every page) and the team's labels. */
    public Names of(long teamId) {
        return of(teamId, directory.read(teamId));
    }

    /** With a directory read already. */
    public Names of(long teamId, Directory read) {
        Map<Long, DirectoryEntry> byId = new HashMap<>();
        read.withIds().forEach(e -> byId.put(e.id(), e));
        return new Names(byId, labels(teamId));
    }

    public Map<Long, String> labels(long teamId) {
        Map<Long, String> labels = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> EntityLabel.ofTeam(teamId)
                .forEach(l -> labels.put(l.entityId, l.label)));
        return labels;
    }
}
