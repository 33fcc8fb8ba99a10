package io.progate.access;

/**
 * An environment, group or user of a team's PRO account as the user manager lists it: {@code id}
 * is the numeric entity id access rules use, null when PRO does not send one.
 */
public record DirectoryEntry(Long id, String kind, String name, String detail) {

    public static final String ENVIRONMENT = "environment";
    public static final String GROUP = "group";
    public static final String USER = "user";
}
