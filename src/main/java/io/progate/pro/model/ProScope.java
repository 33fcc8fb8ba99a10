package io.progate.pro.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The scopes a PRO API key can carry: what the client asks for, what a team's credential holds and
 * checks against. Stored and sent with PRO's spelling ({@link #wireName()}).
 */
public enum ProScope {
    AUTHENTICATION("Authentication"),
    PUBLISH_AIMMS("PublishAIMMS"),
    PUBLISH_APP("PublishApp"),
    TASKS("Tasks"),
    API_KEY("APIKey");

    /**
     * Spellings, lower-case without spaces, dashes or underscores, to the scope: PRO's own, the
     * constants' names and the alternatives AIMMS's pages use ({@code Task}, {@code API Key}).
     */
    private static final Map<String, ProScope> BY_NORMALISED_NAME = Map.of(
            "authentication", AUTHENTICATION,
            "publishaimms", PUBLISH_AIMMS,
            "publishapp", PUBLISH_APP,
            "tasks", TASKS,
            "task", TASKS,
            "apikey", API_KEY,
            "apikeys", API_KEY);

    private final String wireName;

    ProScope(String wireName) {
        this.wireName = wireName;
    }

    /** The name as PRO writes it, e.g. {@code PublishAIMMS}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The scope a spelling names, case-insensitively and with aliases; empty when none. */
    public static Optional<ProScope> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_NORMALISED_NAME.get(text.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "")));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
