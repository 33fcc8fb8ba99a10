package io.progate.request;

/**
 * What a release request asks for: a PRO change (publish, update, delete), a run of an app's DEX
 * service ({@code TASK}: creates one PRO task), or a change that weakens the team's approval policy
 * ({@code POLICY}: filed by the policy page or API, never with a PRO call).
 */
public enum RequestType {
    PUBLISH("Publish"), UPDATE("Update"), DELETE("Delete"), TASK("Task"), POLICY("Policy change");

    private final String label;

    RequestType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether people file this type as a release request (POLICY requests come from policy changes). */
    public boolean isProChange() {
        return this != POLICY;
    }

    /** The type named by {@code text}, case-insensitively; empty for anything else. */
    public static java.util.Optional<RequestType> parse(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        for (RequestType type : values()) {
            if (type.name().equalsIgnoreCase(text.trim())) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }
}
