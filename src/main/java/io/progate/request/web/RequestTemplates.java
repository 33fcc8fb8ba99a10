package io.progate.request.web;

import io.progate.packages.Sizes;
import io.progate.request.ReleaseRequest;
import io.progate.team.Team;
import io.progate.team.TeamPolicy;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Formatting and addresses for the request pages. */
@TemplateExtension
public final class RequestTemplates {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private static final List<String> RIGHTS = List.of("read", "write", "execute");

    private RequestTemplates() {
    }

    static String url(ReleaseRequest r) {
        return "/requests/" + r.id;
    }

    static String approveUrl(ReleaseRequest r) {
        return url(r) + "/approve";
    }

    static String rejectUrl(ReleaseRequest r) {
        return url(r) + "/reject";
    }

    static String cancelUrl(ReleaseRequest r) {
        return url(r) + "/cancel";
    }

    static String retryUrl(ReleaseRequest r) {
        return url(r) + "/retry";
    }

    static String closeUrl(ReleaseRequest r) {
        return url(r) + "/close";
    }

    static String requestListUrl(Team team) {
        return "/teams/" + team.slug + "/requests";
    }

    static String publishRequestUrl(Team team) {
        return requestListUrl(team) + "/publish";
    }

    static String updateRequestUrl(Team team) {
        return requestListUrl(team) + "/update";
    }

    static String deleteRequestUrl(Team team) {
        return requestListUrl(team) + "/delete";
    }

    static String appsUrl(Team team) {
        return "/teams/" + team.slug + "/apps";
    }

    /** The form for a new request of {@code type} (PUBLISH, UPDATE, DELETE). */
    static String newRequestUrl(Team team, String type) {
        return requestListUrl(team) + "/new?type=" + type;
    }

    /** The form for a new request of {@code type} about an app's version, filled in. */
    static String newRequestUrl(Team team, String type, String app, String version) {
        return newRequestUrl(team, type) + (blank(app) ? "" : "&app=" + urlEncode(app))
                + (blank(version) ? "" : "&version=" + urlEncode(version));
    }

    static String policyUrl(Team team) {
        return "/teams/" + team.slug + "/policy";
    }

    /** Which AIMMS versions the publish form offers. */
    static String aimmsVersionsHint(FormChoices choices) {
        return choices.devBuilds() ? "(official releases and development builds)" : "(official releases)";
    }

    static List<String> rights(AccessEditor.Row row) {
        return RIGHTS;
    }

    static String devBuildsUrl(Team team, RequestForm form, boolean dev) {
        return newRequestUrl(team, "PUBLISH", form.name(), form.oldProjectVersion()) + (dev ? "&dev=true" : "");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    static String humanSize(long bytes) {
        return Sizes.human(bytes);
    }

    static String urlEncode(String value) {
        return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    static long maxWaitDays(TeamPolicy policy) {
        return Math.max(1, Math.round(policy.maxWaitHours / 24.0));
    }

    static String statusClass(ReleaseRequest r) {
        return "status-" + r.status.name().toLowerCase(java.util.Locale.ROOT);
    }
}
