package io.progate.pro;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The addresses and header of the PRO REST API as docs/pro-api.md fixes them, for the client. The
 * sandbox keeps its own copy, written from AIMMS's documentation, so that a wrong path here fails a
 * test instead of being imitated. Paths marked "decided" in docs/pro-api.md are marked here too; they
 * only feed views, never a change.
 */
public final class ProPaths {

    private ProPaths() {
    }

    /** Appended to an account URL for the PRO API. */
    public static final String PRO_API = "/pro-api/v2";
    /** Appended to an account URL for the user manager. */
    public static final String USER_MANAGER = "/pro/user-manager/v1";
    /** The header carrying the API key. */
    public static final String APIKEY_HEADER = "apikey";

    public static final String APPLICATIONS = "applications";
    /** decided */
    public static final String APP_VERSIONS = "applications/{projectName}";
    public static final String APP_VERSION = "applications/{projectName}/{projectVersion}";
    /** decided */
    public static final String CATEGORIES = "applications/categories";
    /** decided */
    public static final String CATEGORY = "applications/categories/{id}";
    public static final String AIMMS_VERSIONS = "aimms-versions";
    /** decided */
    public static final String AIMMS_VERSION = "aimms-versions/{id}";

    public static final String ENVIRONMENTS = "environment";
    public static final String GROUPS = "group";
    public static final String USERS = "user";
    public static final String CURRENT_USER = "user/@current/info";
    public static final String API_KEYS = "user/@current/api-key";
    public static final String API_KEY = "user/@current/api-key/{name}";
    public static final String SCOPES = "user/@current/authorization-scopes";

    public static final String TASKS = "tasks";
    public static final String TASK = "tasks/{id}";
    public static final String TASK_RESPONSE = "tasks/{id}/response";
    public static final String TASK_ON_VERSION = "tasks/{appName}/{appVersion}/{serviceName}";
    public static final String TASK_ON_LATEST = "tasks/{appName}/{serviceName}";

    public static String proApi(String proUrl) {
        return proUrl + PRO_API;
    }

    public static String userManager(String proUrl) {
        return proUrl + USER_MANAGER;
    }

    /** A PRO API path (one of the constants) under an account URL, as pages show a call. */
    public static String proApiPath(String path) {
        return PRO_API + "/" + path;
    }

    /** A user-manager path (one of the constants) under an account URL, as pages show a call. */
    public static String userManagerPath(String path) {
        return USER_MANAGER + "/" + path;
    }

    /** {@link #APP_VERSION} under an account URL with name and version filled in, percent-encoded. */
    public static String appVersionPath(String projectName, String projectVersion) {
        return proApiPath(APP_VERSION.replace("{projectName}", segment(projectName))
                .replace("{projectVersion}", segment(projectVersion)));
    }

    /** {@link #TASK_ON_VERSION}, or {@link #TASK_ON_LATEST} when the version is null, filled in and percent-encoded. */
    public static String taskPath(String appName, String appVersion, String serviceName) {
        String path = appVersion == null
                ? TASK_ON_LATEST.replace("{appName}", segment(appName))
                : TASK_ON_VERSION.replace("{appName}", segment(appName)).replace("{appVersion}", segment(appVersion));
        return proApiPath(path.replace("{serviceName}", segment(serviceName)));
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
