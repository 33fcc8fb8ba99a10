package io.progate.pro.model;

import java.util.Locale;
import java.util.Optional;

/** The scopes a PRO API key may carry, and the spellings AIMMS's own pages use for them. */
public enum ProScope {
    AUTHENTICATION("Authentication"),
    PUBLISH_AIMMS("PublishAIMMS", "PublishAimms"),
    PUBLISH_APP("PublishApp"),
    TASKS("Tasks", "Task"),
    API_KEY("APIKey", "API Key", "ApiKey");

    private final String wireName;
    private final String[] aliases;

    ProScope(String wireName, String... aliases) {
        this.wireName = wireName;
        this.aliases = aliases;
    }

    /** The spelling sent to PRO. */
    public String wireName() {
        return wireName;
    }

    /** The scope a spelling names, case-insensitively and with aliases; empty when none. */
    public static Optional<ProScope> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = normalize(text);
        for (ProScope scope : values()) {
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
