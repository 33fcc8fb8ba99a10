package io.progate.request;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The exact PRO call a request will make, for people to check: method, path under the team's PRO
 * account and the body (which never holds a secret; the key travels in a header added at execution).
 */
public record ProCall(String method, String path, String body, String parts) {

    static final String BASE = "/pro-api/v2/applications";

    public static ProCall of(ReleaseRequest r) {
        switch (r.type) {
            case PUBLISH:
                String parts = "metadata (the body below), file (" + r.pkg.fileName + ")"
                        + (r.icon == null ? "" : ", icon (" + r.icon.fileName + ")");
                return new ProCall("POST", BASE, r.payload, "multipart/form-data: " + parts);
            case UPDATE:
                return new ProCall("PATCH", versionPath(r), r.payload, null);
            case TASK:
                TaskFields task = TaskCodec.fields(r);
                String path = "/pro-api/v2/tasks/" + segment(r.appName) + (task.latest() ? "" : "/" + segment(r.appVersion))
                        + "/" + segment(task.serviceName());
                return new ProCall("POST", path, null, "application/json: the stored input"
                        + (r.pkg == null ? "" : " " + r.pkg.fileName + " (" + r.pkg.sizeBytes + " bytes, SHA-256 "
                                + r.pkg.sha256 + ")"));
            case POLICY:
                return new ProCall("NONE", "", null, "no PRO call: approving applies the policy in ProGate");
            default:
                return new ProCall("DELETE", versionPath(r), null, null);
        }
    }

    private static String versionPath(ReleaseRequest r) {
        return BASE + "/" + segment(r.appName) + "/" + segment(r.appVersion);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
