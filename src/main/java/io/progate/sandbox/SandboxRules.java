package io.progate.sandbox;

import java.time.Duration;

/** The sandbox's constants from docs/pro-api.md, "decided" ones among them, in one place. */
final class SandboxRules {

    private SandboxRules() {
    }

    /** The category every account has and that cannot be deleted or renamed. */
    static final String DEFAULT_CATEGORY = "other";
    /** Reserved attribute (documented): "true" for a WebUI app, "false" for a WinUI one. */
    static final String IS_WEB_UI = "isWebUI";
    /** Reserved attribute (documented): where the app's icon lies in PRO storage. */
    static final String ICON_URL = "iconUrl";
    /** The form of iconUrl (documented): the fixed prefix /icons/ and a label. */
    static final java.util.regex.Pattern ICON_PATH = java.util.regex.Pattern.compile("^/icons/[^/\\s]+$");
    /** Entries per call the user manager gives at most in {@link SandboxMode#DIRECTORY_PAGES_OF_100}. */
    static final int STRICT_PAGE_LIMIT = 100;
    /** The older servers' name for {@code projectVersion}, accepted in publish metadata. */
    static final String OLD_VERSION_FIELD = "projectVersionId";
    /** An API key expires at most this long after its creation. */
    static final Duration MAX_KEY_LIFETIME = Duration.ofDays(366);
    /** Users or tasks listed when no limit is given. */
    static final int DEFAULT_LIMIT = 100;
    /** The seeded user every sandbox key belongs to. */
    static final String DEMO_USER = "demo.user";
    /** The name of the seeded key with every scope. */
    static final String DEMO_KEY_NAME = "demo";
    /** The text task timestamps use (besides ISO-8601), as PRO has sent them. */
    static final String SPACED_TIMESTAMP = "yyyy-MM-dd HH:mm:ss.SSSSSS";
}
