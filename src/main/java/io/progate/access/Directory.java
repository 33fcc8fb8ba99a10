package io.progate.access;

import java.util.List;

/**
 * What a team's PRO user manager says about its environments, groups and users, read page by page.
 * {@code problem} says why it could not be read (no key with scope Authentication, or PRO's
 * answer); {@code entries} is then empty.
 */
public record Directory(List<DirectoryEntry> entries, String problem) {

    public static Directory unreadable(String problem) {
        return new Directory(List.of(), problem);
    }

    public boolean read() {
        return problem == null;
    }

    /** True when every entry carries an entity id, so rules can be chosen by name. */
    public boolean carriesIds() {
        return read() && !entries.isEmpty() && entries.stream().allMatch(e -> e.id() != null);
    }

    public List<DirectoryEntry> withIds() {
        return entries.stream().filter(e -> e.id() != null).toList();
    }

    public List<DirectoryEntry> withoutIds() {
        return entries.stream().filter(e -> e.id() == null).toList();
    }
}
