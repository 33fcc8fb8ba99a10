package io.progate.team;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One rule of a team's policy for routine changes: requests of {@code type} whose change is
 * {@code change} (see {@link #CHANGES}), for {@code app} (an exact name, a prefix ending in
 * {@code *}, or null for any app) and, for tasks, {@code service} (null for any), need
 * {@code approvals} approvals. Rules are evaluated top to bottom; the first match wins.
 */
public record ApprovalRule(String type, String change, String app, String service, int approvals) {

    public static final String ANY = "ANY";
    /** An update of description and/or category, nothing else. */
    public static final String METADATA = "METADATA";
    /** An update that changes the version's authorizations (whatever else it changes). */
    public static final String AUTHORIZATIONS = "AUTHORIZATIONS";
    /** An update that moves the latest tag (whatever else it changes). */
    public static final String LATEST = "LATEST";
    /** A delete of the version tagged latest. */
    public static final String LATEST_VERSION = "LATEST_VERSION";
    /** A delete of the app's only version. */
    public static final String LAST_VERSION = "LAST_VERSION";

    /** The changes a rule may match on, by request type. */
    public static final java.util.Map<String, List<String>> CHANGES = java.util.Map.of(
            "PUBLISH", List.of(ANY),
            "UPDATE", List.of(ANY, METADATA, AUTHORIZATIONS, LATEST),
            "DELETE", List.of(ANY, LATEST_VERSION, LAST_VERSION),
            "TASK", List.of(ANY));

    public static final int MAX_APPROVALS = 10;

    public ApprovalRule {
        type = type == null ? null : type.trim().toUpperCase(Locale.ROOT);
        change = change == null || change.isBlank() ? ANY : change.trim().toUpperCase(Locale.ROOT);
        app = app == null || app.isBlank() ? null : app.trim();
        service = service == null || service.isBlank() ? null : service.trim();
    }

    /** Whether the rule applies to a request described by {@code subject}. */
    public boolean matches(RuleSubject subject) {
        return subject.type().equals(type) && (ANY.equals(change) || subject.changes().contains(change))
                && AppPattern.matches(app, subject.app())
                && (service == null || service.equals(subject.service()));
    }

    /** The rule in words, as pages, the request and its audit event show it. */
    public String label() {
        String what = switch (change) {
            case METADATA -> "metadata-only updates";
            case AUTHORIZATIONS -> "updates that change authorizations";
            case LATEST -> "updates that move the latest tag";
            case LATEST_VERSION -> "deletes of the latest version";
            case LAST_VERSION -> "deletes of the last version";
            default -> switch (type) {
                case "PUBLISH" -> "publishes";
                case "UPDATE" -> "updates";
                case "DELETE" -> "deletes";
                default -> "tasks";
            };
        };
        String of = app == null ? "" : " of " + app + (service == null ? "" : "/" + service);
        if (app == null && service != null) {
            of = " of service " + service;
        }
        return what + of + ": " + approvals + (approvals == 1 ? " approval" : " approvals");
    }

    /**
     * What is wrong with the rule, as messages (empty when it is valid). Zero approvals only for
     * tasks, as the policy's own task count allows; every other type needs at least one.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (type == null || !CHANGES.containsKey(type)) {
            problems.add("type: one of PUBLISH, UPDATE, DELETE or TASK");
            return problems;
        }
        if (!CHANGES.get(type).contains(change)) {
            problems.add("change: for " + type + " one of " + String.join(", ", CHANGES.get(type)));
        }
        if (app != null && !AppPattern.valid(app)) {
            problems.add("app: an app name, or a prefix ending in * such as Planning-*");
        }
        if (service != null && (!type.equals("TASK") || !SERVICE.matcher(service).matches())) {
            problems.add("service: only task rules name a service: letters, digits and _ . -");
        }
        int min = type.equals("TASK") ? 0 : 1;
        if (approvals < min || approvals > MAX_APPROVALS) {
            problems.add("approvals: from " + min + " to " + MAX_APPROVALS
                    + (min == 0 ? "" : " (only task rules may need none)"));
        }
        return problems;
    }

    private static final java.util.regex.Pattern SERVICE = java.util.regex.Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$");

    /** A request as rules see it: its type, app, the changes it makes and, for a task, its service. */
    public record RuleSubject(String type, String app, Set<String> changes, String service) {
    }
}
