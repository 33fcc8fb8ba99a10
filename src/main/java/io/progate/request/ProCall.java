package io.progate.request;

import io.progate.pro.ProPaths;

/**
 * The exact PRO call a request will make, for people to check: method, path under the team's PRO
 * account (from {@link ProPaths}) and the body (which never holds a secret; the key travels in a
 * header added at execution).
 */
public record ProCall(String method, String path, String body, String parts) {

    public static ProCall of(ReleaseRequest r, Payloads payloads) {
        switch (r.type) {
            case PUBLISH:
                String parts = "metadata (the body below), file (" + r.pkg.fileName + ")"
                        + (r.icon == null ? "" : ", icon (" + r.icon.fileName + ")");
                return new ProCall("POST", ProPaths.proApiPath(ProPaths.APPLICATIONS), r.payload, "multipart/form-data: " + parts);
            case UPDATE:
                return new ProCall("PATCH", ProPaths.appVersionPath(r.appName, r.appVersion), r.payload, null);
            case TASK:
                TaskFields task = payloads.task(r.payload);
                return new ProCall("POST", ProPaths.taskPath(r.appName, task.latest() ? null : r.appVersion, task.serviceName()),
                        null, "application/json: the stored input"
                        + (r.pkg == null ? "" : " " + r.pkg.fileName + " (" + r.pkg.sizeBytes + " bytes, SHA-256 "
                                + r.pkg.sha256 + ")"));
            case POLICY:
                return new ProCall("NONE", "", null, "no PRO call: approving applies the policy in ProGate");
            default:
                return new ProCall("DELETE", ProPaths.appVersionPath(r.appName, r.appVersion), null, null);
        }
    }
}
