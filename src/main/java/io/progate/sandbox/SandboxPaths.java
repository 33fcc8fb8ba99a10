package io.progate.sandbox;

/**
 * Where the sandbox answers, written from AIMMS's documentation (see docs/pro-api.md) and kept apart
 * from the PRO client's own path constants on purpose: when the two disagree, a test fails.
 */
final class SandboxPaths {

    private SandboxPaths() {
    }

    /** The sandbox's account URL is {@code <portal>/sandbox}. */
    static final String ACCOUNT = "/sandbox";
    /** The PRO API under an account URL (documented). */
    static final String PRO_API = "/pro-api/v2";
    /** The user manager under an account URL (documented). */
    static final String USER_MANAGER = "/pro/user-manager/v1";
    /** The header that carries the API key (documented; header names are case-insensitive). */
    static final String APIKEY = "apikey";

    static final String APPLICATIONS = "applications";
    /** decided: not in AIMMS's documentation. */
    static final String APP_VERSIONS = "applications/{projectName}";
    static final String APP_VERSION = "applications/{projectName}/{projectVersion}";
    /** decided */
    static final String CATEGORIES = "applications/categories";
    /** decided */
    static final String CATEGORY = "applications/categories/{id}";
    static final String AIMMS_VERSIONS = "aimms-versions";
    /** decided */
    static final String AIMMS_VERSION = "aimms-versions/{id}";

    static final String ENVIRONMENTS = "environment";
    static final String GROUPS = "group";
    static final String USERS = "user";
    static final String CURRENT_USER = "user/@current/info";
    static final String API_KEYS = "user/@current/api-key";
    static final String API_KEY = "user/@current/api-key/{name}";
    static final String SCOPES = "user/@current/authorization-scopes";

    static final String TASKS = "tasks";
    static final String TASK = "tasks/{id}";
    static final String TASK_RESPONSE = "tasks/{id}/response";
    static final String TASK_ON_VERSION = "tasks/{appName}/{appVersion}/{serviceName}";
    static final String TASK_ON_LATEST = "tasks/{appName}/{serviceName}";
}
