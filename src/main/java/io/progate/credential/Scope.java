package io.progate.credential;

import com.fasterxml.jackson.annotation.JsonValue;
import io.progate.pro.model.ProScope;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The scopes a PRO API key can carry, with the spellings PRO uses for them. */
public enum Scope {
    AUTHENTICATION("Authentication"),
    PUBLISH_AIMMS("PublishAIMMS"),
    PUBLISH_APP("PublishApp"),
    TASKS("Tasks"),
    API_KEY("APIKey");

    /** Lower-case, without spaces, dashes or underscores, to the scope; includes PRO's alternative spellings. */
    private static final Map<String, Scope> BY_NORMALISED_NAME = Map.of(
            "authentication", AUTHENTICATION,
            "publishaimms", PUBLISH_AIMMS,
            "publishapp", PUBLISH_APP,
            "tasks", TASKS,
            "task", TASKS,
            "apikey", API_KEY,
            "apikeys", API_KEY);

    private final String proName;

    Scope(String proName) {
        this.proName = proName;
    }

    /** The name as PRO writes it, e.g. {@code PublishAIMMS}. */
    @JsonValue
    public String proName() {
        return proName;
    }

    /** Matches case-insensitively and accepts PRO's aliases ({@code Task}, {@code PublishAimms}, {@code API Key}). */
    public static Optional<Scope> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String normalised = name.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        Scope byAlias = BY_NORMALISED_NAME.get(normalised);
        if (byAlias != null) {
            return Optional.of(byAlias);
        }
        for (Scope scope : values()) {
            if (scope.name().replace("_", "").equalsIgnoreCase(normalised)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    /** The PRO client's name for this scope (the constants match one to one). */
    public ProScope toPro() {
        return ProScope.valueOf(name());
    }

    public static Scope of(ProScope scope) {
        return valueOf(scope.name());
    }

    @Override
    public String toString() {
        return proName;
    }
}
