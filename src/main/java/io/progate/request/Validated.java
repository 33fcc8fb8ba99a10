package io.progate.request;

import io.progate.packages.Inspection;
import io.progate.packages.Upload;

/**
 * A submission that passed validation, normalised: trimmed text, defaults filled in, the package
 * inspected. {@code body} is the exact JSON body PRO will get ({@link PublishFields},
 * {@link UpdateFields}, or null for a delete); for an update whose attributes change, the checks
 * against PRO complete it to the full intended attribute map. {@code devBuilds}: the author asked
 * for AIMMS development builds too; {@code aimmsBuild}: what PRO listed the chosen version as.
 */
public record Validated(RequestType type, String reason, String appName, String appVersion, Object body,
        Upload file, Inspection inspection, Upload icon, boolean devBuilds, String aimmsBuild) {

    public static final String OFFICIAL = "OFFICIAL";
    public static final String DEVELOPMENT = "DEVELOPMENT";

    public Validated(RequestType type, String reason, String appName, String appVersion, Object body,
            Upload file, Inspection inspection, Upload icon) {
        this(type, reason, appName, appVersion, body, file, inspection, icon, false, null);
    }

    public Validated withBody(Object newBody) {
        return new Validated(type, reason, appName, appVersion, newBody, file, inspection, icon, devBuilds, aimmsBuild);
    }

    public Validated withAimmsBuild(String build) {
        return new Validated(type, reason, appName, appVersion, body, file, inspection, icon, devBuilds, build);
    }
}
