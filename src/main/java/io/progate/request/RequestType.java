package io.progate.request;

/** What a release request asks PRO to do. */
public enum RequestType {
    PUBLISH("Publish"), UPDATE("Update"), DELETE("Delete");

    private final String label;

    RequestType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
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
