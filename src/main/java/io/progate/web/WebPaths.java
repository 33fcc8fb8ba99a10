package io.progate.web;

/**
 * Which requests are for machines rather than people, in one place: the portal's JSON API under
 * {@code /api}, and the built-in PRO sandbox's REST API under {@code /sandbox/}. Machines get JSON
 * errors and a 401 challenge; people get pages and the sign-in redirect.
 */
public final class WebPaths {

    /** Where the built-in PRO sandbox answers (see the sandbox package). */
    public static final String SANDBOX = "/sandbox/";

    private WebPaths() {
    }

    /** The portal's own JSON API: {@code /api} and below. */
    public static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** Answered in JSON, errors included: the portal's API and the sandbox's PRO API. */
    public static boolean answersJson(String path) {
        return isApi(path) || path.startsWith(SANDBOX);
    }
}
