package io.progate.execution;

import io.progate.pro.ProException;

/** Every failure an approver may read on a request page, in plain words, in this one place. */
final class FailureWords {

    private FailureWords() {
    }

    static String of(ProException e, Claim c) {
        String app = c.appName() + " " + c.appVersion();
        switch (e.status()) {
            case 400:
                return "PRO refused the " + c.what() + " as invalid" + said(e);
            case 401:
                return "the team's key was rejected by PRO: it may have expired or been revoked" + said(e);
            case 403:
                return "the key lacks scope PublishApp" + said(e);
            case 404:
                return "PRO does not know " + app + said(e);
            case 409:
                return "PRO reports a conflict: " + app + " already exists or is in use" + said(e);
            default:
                return e.getMessage();
        }
    }

    static String drift(String problem) {
        return "PRO changed since approval: " + problem + "; nothing was sent";
    }

    static String exhausted(int attempts, String last) {
        return "PRO stayed unreachable or unavailable after " + attempts + " attempts; last: " + last;
    }

    static String noKey() {
        return "the team has no usable PRO key with scope PublishApp: add or replace one on the team page";
    }

    static String keyUnusable(String reason) {
        return "the team's PRO key could not be used: " + reason;
    }

    static String purged() {
        return "the package was purged after its retention period; file the request again";
    }

    private static String said(ProException e) {
        String excerpt = e.excerpt();
        return " (PRO answered " + e.status() + (excerpt.isBlank() ? "" : ": " + excerpt) + ")";
    }
}
