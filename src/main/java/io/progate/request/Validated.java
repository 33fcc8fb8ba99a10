package io.progate.request;

/**
 * A submission that passed validation, normalised: trimmed text, defaults filled in, the package
 * inspected. {@code body} is the exact JSON body PRO will get ({@link PublishFields},
 * {@link UpdateFields}, or null for a delete).
 */
public record Validated(RequestType type, String reason, String appName, String appVersion, Object body,
        Upload file, Inspection inspection, Upload icon) {
}
