package io.progate.sandbox.store;

import java.util.Locale;
import java.util.Optional;

/**
 * The scopes of a sandbox API key (documented), with the spellings AIMMS's own pages use for them
 * ({@code Task}, {@code PublishAimms}, {@code API Key}); matched case-insensitively.
 */
public enum SandboxScope {
    AUTHENTICATION("Authentication"),
    PUBLISH_AIMMS("PublishAIMMS", "PublishAimms"),
    PUBLISH_APP("PublishApp"),
    TASKS("Tasks", "Task"),
    API_KEY("APIKey", "API Key", "ApiKey");

    private final String wireName;
    private final String[] aliases;

    SandboxScope(String wireName, String... aliases) {
        this.wireName = wireName;
        this.aliases = aliases;
    }

    /** The spelling the sandbox answers with. */
    public String wireName() {
        return wireName;
    }

    public static Optional<SandboxScope> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = normalize(text);
        for (SandboxScope scope : values()) {
            if (normalize(scope.wireName).equals(wanted)) {
                return Optional.of(scope);
            }
            for (String alias : scope.aliases) {
                if (normalize(alias).equals(wanted)) {
                    return Optional.of(scope);
                }
            }
        }
        return Optional.empty();
    }

    private static String normalize(String text) {
        return text.replace(" ", "").replace("_", "").trim().toLowerCase(Locale.ROOT);
    }
}
