package io.progate.team;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * App names as teams own them and rules name them: an exact name ({@code Transport Planner}) or a
 * prefix ending in {@code *} ({@code Planning-*}). Names compare without regard to case.
 */
public final class AppPattern {

    /** What PRO accepts as an app name, as the request forms check it. */
    public static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 _.()+-]{0,199}$");

    private AppPattern() {
    }

    /** Whether {@code pattern} is a name or a name followed by {@code *}. */
    public static boolean valid(String pattern) {
        return pattern != null && NAME.matcher(isPrefix(pattern) ? stem(pattern) : pattern).matches();
    }

    public static boolean isPrefix(String pattern) {
        return pattern.endsWith("*");
    }

    /** The pattern without its trailing {@code *}. */
    public static String stem(String pattern) {
        return isPrefix(pattern) ? pattern.substring(0, pattern.length() - 1).trim() : pattern;
    }

    /** Whether {@code name} is what {@code pattern} names; a null pattern names every app. */
    public static boolean matches(String pattern, String name) {
        if (pattern == null) {
            return true;
        }
        if (name == null) {
            return false;
        }
        String n = name.toLowerCase(Locale.ROOT);
        String p = stem(pattern).toLowerCase(Locale.ROOT);
        return isPrefix(pattern) ? n.startsWith(p) : n.equals(p);
    }
}
