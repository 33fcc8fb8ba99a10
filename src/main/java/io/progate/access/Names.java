package io.progate.access;

import io.progate.pro.model.Authorization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a team's entity ids read for people: the user manager's name when it sent ids, otherwise the
 * team's label, otherwise the bare number. The number is always shown next to a name, so that a
 * wrong label cannot hide which entity a rule names.
 */
public record Names(Map<Long, DirectoryEntry> directory, Map<Long, String> labels) {

    /** {@code group ROOT/Planners (#16777095)}, {@code Alice (#16777201, team label)} or {@code entity #16777201}. */
    public String of(long id) {
        DirectoryEntry entry = directory.get(id);
        if (entry != null) {
            return entry.kind() + " " + entry.name() + " (#" + id + ")";
        }
        String label = labels.get(id);
        return label != null ? label + " (#" + id + ", team label)" : "entity #" + id;
    }

    /** {@code grant read+execute to group ROOT/Planners (#16777095)}. */
    public String rule(Authorization a) {
        return (a.deny() ? "deny " : "grant ") + rights(a.authorization()) + " to " + of(a.entity());
    }

    public List<String> rules(List<Authorization> rules) {
        return rules.stream().map(this::rule).toList();
    }

    public static String rights(int mask) {
        List<String> rights = new ArrayList<>();
        if ((mask & Authorization.READ) != 0) {
            rights.add("read");
        }
        if ((mask & Authorization.WRITE) != 0) {
            rights.add("write");
        }
        if ((mask & Authorization.EXECUTE) != 0) {
            rights.add("execute");
        }
        return String.join("+", rights);
    }
}
