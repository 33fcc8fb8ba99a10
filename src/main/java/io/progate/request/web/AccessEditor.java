package io.progate.request.web;

import io.progate.access.CurrentAccess;
import io.progate.access.Directory;
import io.progate.access.DirectoryEntry;
import io.progate.access.Names;
import io.progate.pro.model.Authorization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The access editor of an update form, on any PRO account. When the user manager sends entity ids,
 * every environment, group and user is a row, by name. When it does not, the rows are the entities
 * the version's current rules name and those the team has labelled, by number and label, and the
 * directory's names are listed beside them (every page of them) to label numbers by. Rows start
 * from the current rules when they are known; the current rules are shown with where they come from.
 */
public record AccessEditor(Directory directory, CurrentAccess current, List<String> currentRules, List<Row> rows) {

    /** One entity with its three selects: {@code grant}, {@code deny} or empty, preset from the current rules. */
    public record Row(long id, String kind, String name, String read, String write, String execute) {

        public String choice(String right) {
            switch (right) {
                case "read": return read;
                case "write": return write;
                default: return execute;
            }
        }
    }

    public static AccessEditor of(Directory directory, Names names, CurrentAccess current) {
        Map<Long, String[]> preset = new LinkedHashMap<>();
        if (current.known()) {
            for (Authorization a : current.rules()) {
                String[] choice = preset.computeIfAbsent(a.entity(), k -> new String[] {"", "", ""});
                String value = a.deny() ? "deny" : "grant";
                if ((a.authorization() & Authorization.READ) != 0) {
                    choice[0] = value;
                }
                if ((a.authorization() & Authorization.WRITE) != 0) {
                    choice[1] = value;
                }
                if ((a.authorization() & Authorization.EXECUTE) != 0) {
                    choice[2] = value;
                }
            }
        }
        Map<Long, Row> rows = new LinkedHashMap<>();
        for (DirectoryEntry e : directory.withIds()) {
            rows.put(e.id(), row(e.id(), e.kind(), e.name() + (e.detail() == null ? "" : " (" + e.detail() + ")"),
                    preset));
        }
        for (Long id : preset.keySet()) {
            rows.computeIfAbsent(id, k -> row(k, "", names.of(k), preset));
        }
        for (Long id : names.labels().keySet().stream().sorted().toList()) {
            rows.computeIfAbsent(id, k -> row(k, "", names.of(k), preset));
        }
        List<String> currentRules = current.known() ? names.rules(current.rules()) : List.of();
        return new AccessEditor(directory, current, currentRules, new ArrayList<>(rows.values()));
    }

    private static Row row(long id, String kind, String name, Map<Long, String[]> preset) {
        String[] c = preset.getOrDefault(id, new String[] {"", "", ""});
        return new Row(id, kind, name, c[0], c[1], c[2]);
    }

    /** True when rules can be chosen by name from PRO's directory. */
    public boolean byName() {
        return directory.carriesIds();
    }

    /** Directory entries without ids, listed so that the team can label numbers by them. */
    public List<DirectoryEntry> namesOnly() {
        return directory.withoutIds();
    }
}
