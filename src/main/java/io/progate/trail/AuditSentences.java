package io.progate.trail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.progate.audit.AuditEntry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one place that turns an audit event (its action and details) into a sentence people read:
 * "Aaron Approver approved · 'looks fine'", "ProGate published Planner 1.1 to PRO in 104 ms". Every
 * action the code writes has a line in {@link #SENTENCES}; {@code AuditSentencesTest} fails for one
 * that has none. A sentence never adds what the details do not hold, so it never holds a secret.
 */
public final class AuditSentences {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who did it (a display name, or "ProGate" for the system), the event and its details. */
    public record Event(String who, AuditEntry entry, JsonNode details) {

        String text(String key) {
            JsonNode value = details.path(key);
            return value.isMissingNode() || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
        }

        boolean failed() {
            return entry.failed();
        }

        /** "Planner 1.1" from the details' app name and version; empty when there is none. */
        String app() {
            return (text("appName") + " " + text("appVersion")).trim();
        }

        /** The request's kind in words: "the delete of Planner 1.1". */
        String what() {
            String app = app();
            switch (text("type")) {
                case "PUBLISH":
                    return "the publish of " + app;
                case "UPDATE":
                    return "the update of " + app;
                case "DELETE":
                    return "the delete of " + app;
                case "TASK":
                    return "the task on " + app;
                case "POLICY":
                    return "the policy change";
                default:
                    return "the request";
            }
        }

        /** " · 'comment'" when there is a comment. */
        String quoted(String key) {
            String value = text(key);
            return value.isBlank() ? "" : " · '" + value + "'";
        }

        /** "; refused: reason" for a failure that gives one, "; refused" for one that does not. */
        String refusal() {
            String reason = text("reason");
            return failed() ? "; refused" + (reason.isBlank() ? "" : ": " + reason) : "";
        }

        String target() {
            return entry.targetId();
        }
    }

    private static final Map<String, Function<Event, String>> SENTENCES = new LinkedHashMap<>();

    static {
        // requests and decisions
        put("request.submit", e -> e.who() + " filed " + e.what() + needs(e)
                + ("true".equals(e.text("autoApproved")) ? ", approved at once (" + e.text("rule") + ")" : ""));
        put("request.approve", e -> e.failed() ? e.who() + " tried to approve" + e.refusal()
                : e.who() + " approved" + ("true".equals(e.text("asAdmin")) ? " as admin" : "") + e.quoted("comment"));
        put("request.reject", e -> e.failed() ? e.who() + " tried to reject" + e.refusal()
                : e.who() + " rejected" + e.quoted("comment"));
        put("request.cancel", e -> e.failed() ? e.who() + " tried to cancel" + e.refusal()
                : e.who() + " cancelled the request");
        put("request.retry", e -> e.failed() ? e.who() + " tried to retry" + e.refusal()
                : e.who() + " retried the failed request: it will be carried out again");
        put("request.close", e -> e.failed() ? e.who() + " tried to close" + e.refusal()
                : e.who() + " closed the failed request: nothing more will be tried");
        put("request.expire", e -> "The request expired: no decision within the team's time limit");
        put("request.purge", e -> "The stored " + (e.text("icon").isBlank() ? "package " + e.text("package")
                : "icon " + e.text("icon")).trim() + " was purged after the retention period");
        // request.<status>: a status change the system makes (RequestService.advanceLocked)
        put("request.pending", e -> "The request is waiting for approvals");
        put("request.approved", e -> (e.text("approvals").isBlank() ? "Approved"
                : "Approved with " + e.text("approvals") + " of " + e.text("requiredApprovals") + " approvals")
                + ": ProGate will carry it out");
        put("request.executing", e -> "ProGate is carrying out " + e.what());
        put("request.succeeded", e -> e.what().substring(0, 1).toUpperCase(Locale.ROOT) + e.what().substring(1)
                + " succeeded");
        put("request.failed", e -> e.what().substring(0, 1).toUpperCase(Locale.ROOT) + e.what().substring(1)
                + " failed");
        put("request.closed", e -> "The request was closed");
        put("request.rejected", e -> "The request was rejected");
        put("request.cancelled", e -> "The request was cancelled");
        put("request.expired", e -> "The request expired");
        put("request.seed", e -> "The demo data recorded " + e.what() + " as published by ProGate earlier");
        // app ownership (OwnershipService) and rules for routine changes (PolicyService)
        put("ownership.claim", e -> "Team " + e.text("team") + " claimed the app name " + e.text("name")
                + " with its first publish");
        put("ownership.assign", e -> e.failed() ? e.who() + " tried to give " + e.text("name") + " to team "
                + e.text("team") + "; refused: " + e.text("refused")
                : e.who() + " gave the app name " + e.text("name") + " to team " + e.text("team"));
        put("ownership.transfer", e -> e.failed() ? e.who() + " tried to transfer an app name to team " + e.text("to")
                + "; refused: " + e.text("refused")
                : e.who() + " moved the app name " + e.text("name") + " from team " + e.text("from") + " to team "
                        + e.text("to"));
        put("ownership.release", e -> e.failed() ? e.who() + " tried to release an app name; refused: " + e.text("refused")
                : e.who() + " released the app name " + e.text("name") + " of team " + e.text("team"));
        put("team.apps-view", e -> e.who() + ("true".equals(e.text("hideOtherApps"))
                ? " hid other teams' apps on the team's apps page" : " showed other teams' apps, read-only, on the team's apps page"));
        put("policy.rules", e -> e.who() + " changed the rules for routine changes");
        // change windows, freezes and break-glass (RequestService, FreezeService)
        put("request.scheduled", e -> "Approved, waiting until " + e.text("until") + ": " + e.text("why"));
        put("request.released", e -> "The wait is over: ProGate will carry out " + e.what());
        put("request.break-glass", e -> e.failed() ? e.who() + " tried to break the glass" + e.refusal()
                : e.who() + " broke the glass: " + e.what() + " runs without the remaining approvals, windows and freezes"
                        + e.quoted("reason"));
        put("request.review", e -> e.failed() ? e.who() + " tried to review the break-glass" + e.refusal()
                : e.who() + " reviewed the break-glass" + e.quoted("comment"));
        put("request.break-glass-review", e -> e.who() + " reviewed the break-glass of " + e.text("breakGlassBy")
                + e.quoted("comment"));
        put("freeze.declare", e -> e.who() + " declared a freeze of " + e.text("scope") + " from " + e.text("startsAt")
                + " until " + e.text("endsAt") + e.quoted("reason"));
        put("freeze.lift", e -> e.who() + " lifted the freeze of " + e.text("scope") + " (it was to end "
                + e.text("endsAt") + ")");
        // execution
        put("execution.start", e -> "ProGate started carrying out " + e.what()
                + ("true".equals(e.text("resumed")) ? " (resumed after a worker stopped)" : ""));
        put("pro.call", AuditSentences::proCall);
        put("execution.retry", e -> "PRO failed for a passing reason (" + e.text("message") + "); ProGate tries again in "
                + seconds(e.text("retryInMs")) + " (failure " + e.text("failures") + ")");
        put("execution.succeeded", e -> "ProGate carried out " + e.what() + attempts(e));
        put("execution.failed", e -> "ProGate could not carry out " + e.what() + attempts(e)
                + (e.text("proStatus").isBlank() || "0".equals(e.text("proStatus")) ? "" : ", PRO answered " + e.text("proStatus"))
                + ": " + e.text("message"));
        put("execution.reconciled", e -> "done".equals(e.text("found"))
                ? "After an interrupted call, PRO showed the change had arrived: no second call (" + e.text("message") + ")"
                : "After an interrupted call, PRO showed nothing had changed: ProGate tries again (" + e.text("message") + ")");
        // tasks
        put("task.created", e -> "PRO took task " + e.text("taskId") + " of " + e.app() + " (" + e.text("state") + ")");
        put("task.state", e -> "The task " + e.text("taskId") + " went from " + e.text("from") + " to " + e.text("state")
                + (e.text("returnCode").isBlank() ? "" : ", return code " + e.text("returnCode"))
                + (e.text("responseProblem").isBlank() ? "" : "; " + e.text("responseProblem")));
        put("task.interrupt", e -> e.who() + (e.failed() ? " tried to interrupt the task (" + e.text("what") + ")" + e.refusal()
                : " interrupted the task (" + e.text("what") + ")"));
        put("task.delete", e -> e.who() + (e.failed() ? " tried to delete the task" + e.refusal() : " deleted the task in PRO"));
        // teams, members, policy, labels, webhooks
        put("team.create", e -> e.who() + " created the team " + e.text("name") + " on " + e.text("proUrl"));
        put("team.update", e -> e.who() + " changed the team's " + keys(e.details()));
        put("team.delete", e -> e.who() + " deleted the team " + e.text("name"));
        put("member.add", e -> e.who() + " added " + e.text("username") + " to the team as " + role(e.text("role"))
                + sso(e));
        put("member.update", e -> e.who() + " made " + e.text("username") + " " + role(e.text("role")) + " (was "
                + role(e.text("previousRole")) + ")" + sso(e));
        put("member.remove", e -> e.who() + " removed " + e.text("username") + " from the team" + sso(e));
        put("policy.update", e -> ("request".equals(e.text("mode")) ? "Request #" + e.text("request") + " changed the approval policy"
                : e.who() + " changed the approval policy") + ": " + keys(e.details().path("changes")));
        put("entity-label.set", e -> e.who() + " labelled entity #" + e.text("entityId") + " '" + e.text("label") + "'");
        put("entity-label.remove", e -> e.who() + " removed the label '" + e.text("label") + "' of entity #"
                + e.text("entityId"));
        put("webhook.add", e -> e.who() + " added the webhook " + e.text("name") + " to " + e.text("host"));
        put("webhook.remove", e -> e.who() + " removed the webhook " + e.text("name"));
        // notifications
        put("notification.retry", e -> e.who() + " sent a dead notification again");
        put("notification.settings", e -> e.who() + " changed their notification settings");
        // PRO keys
        put("credential.add", e -> e.who() + " added the PRO key " + key(e) + verified(e));
        put("credential.replace", e -> e.who() + " replaced the PRO key ••••" + e.text("previousLast4") + " with "
                + key(e) + verified(e));
        put("credential.remove", e -> e.who() + " removed the PRO key " + key(e));
        put("credential.retire", e -> "The PRO key " + key(e) + " was retired: " + e.text("reason"));
        put("credential.verify", e -> e.who() + " checked the PRO key " + e.text("label") + " against PRO: "
                + ("true".equals(e.text("passed")) ? "passed" : "failed") + " (" + e.text("result") + ")");
        put("credential.expiring", e -> "The PRO key " + key(e) + " expires soon (" + e.text("expiresAt") + ")");
        put("credential.rewrap", e -> e.who() + " re-wrapped the PRO keys under master key " + e.text("activeKeyId")
                + ": " + e.text("rewrapped") + " re-wrapped, " + e.text("failed") + " failed");
        put("credential.reseal", e -> "The PRO key " + e.text("label") + " was sealed again (version "
                + e.text("sealVersion") + ")");
        put("team.key-rotation", e -> e.who() + " set key rotation from " + days(e.text("from")) + " to "
                + days(e.text("to")));
        put("credential.rotate", e -> e.failed() ? "Rotating the PRO key stopped at " + e.text("step") + e.refusal()
                : "ProGate rotated the PRO key");
        put("credential.rotate.switch", e -> "ProGate switched to the new PRO key " + key(e) + ", expiring "
                + e.text("expiresAt"));
        put("credential.rotate.create", e -> e.failed() ? "ProGate could not create a new PRO key" + e.refusal()
                : "ProGate created the PRO key " + e.text("name") + " in PRO, expiring " + e.text("expiresOn"));
        put("credential.rotate.verify", e -> "ProGate checked the new PRO key " + e.text("name") + ": "
                + (e.failed() ? "failed" : "passed") + (e.text("result").isBlank() ? "" : " (" + e.text("result") + ")"));
        put("credential.rotate.delete-old", e -> e.failed() ? "ProGate could not delete the old PRO key " + e.text("name")
                + e.refusal() : "ProGate deleted the old PRO key " + e.text("name") + " in PRO");
        put("credential.rotate.delete-new", e -> e.failed() ? "ProGate could not delete the unused new PRO key "
                + e.text("name") + e.refusal() : "ProGate deleted the unused new PRO key " + e.text("name") + " in PRO");
        // accounts and sign-in
        put("login.success", e -> e.who() + " signed in" + via(e));
        put("login.failure", e -> "A sign-in as " + e.target() + " failed" + via(e)
                + (e.text("reason").isBlank() ? "" : ": " + e.text("reason")));
        put("logout", e -> e.who() + " signed out");
        put("user.create", e -> e.who() + " created the account " + e.target()
                + ("true".equals(e.text("admin")) ? " (admin)" : "") + ("sso".equals(e.text("source")) ? " through single sign-on" : ""));
        put("user.update", e -> e.who() + " made " + e.target() + ("true".equals(e.text("admin")) ? " an admin" : " a user without admin rights"));
        put("user.disable", e -> e.who() + " disabled the account " + e.target() + " (" + e.text("tokensRevoked")
                + " tokens revoked)");
        put("user.enable", e -> e.who() + " enabled the account " + e.target());
        put("user.unlock", e -> e.who() + " unlocked the account " + e.target());
        put("user.password.change", e -> e.failed() ? e.who() + " tried to change their password" + e.refusal()
                : e.who() + " changed their password");
        put("user.password.reset", e -> e.who() + " reset the password of " + e.target()
                + ("true".equals(e.text("mustChangePassword")) ? " (to be changed at the next sign-in)" : ""));
        put("token.create", e -> e.who() + " created the access token " + e.text("name") + " ("
                + e.text("scopes") + ", expires " + e.text("expiresAt") + ")");
        put("token.revoke", e -> e.who() + " revoked the access token " + e.text("name"));
    }

    private AuditSentences() {
    }

    private static void put(String action, Function<Event, String> sentence) {
        if (SENTENCES.put(action, sentence) != null) {
            throw new IllegalStateException("two sentences for " + action);
        }
    }

    /** Every action that has a sentence. */
    public static Set<String> actions() {
        return Collections.unmodifiableSet(SENTENCES.keySet());
    }

    /** The sentence of an event; an action without one (written by an older version) reads as its name. */
    public static String of(AuditEntry entry, String who) {
        JsonNode details = details(entry.details());
        Function<Event, String> sentence = SENTENCES.get(entry.action());
        String text;
        try {
            text = sentence == null ? who + ": " + entry.action() : sentence.apply(new Event(who, entry, details));
        } catch (RuntimeException e) {
            text = who + ": " + entry.action();
        }
        return text;
    }

    static JsonNode details(String json) {
        try {
            return json == null || json.isBlank() ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String proCall(Event e) {
        String ms = e.text("durationMs");
        String app = e.app();
        if (e.failed()) {
            return "ProGate's call to PRO (" + e.text("method") + " " + e.text("path") + ") failed"
                    + ("none".equals(e.text("status")) ? " without an answer" : " with " + e.text("status"))
                    + " after " + ms + " ms (attempt " + e.text("attempt") + ")";
        }
        switch (e.text("type")) {
            case "PUBLISH":
                return "ProGate published " + app + " to PRO in " + ms + " ms";
            case "UPDATE":
                return "ProGate updated " + app + " in PRO in " + ms + " ms";
            case "DELETE":
                return "ProGate deleted " + app + " from PRO in " + ms + " ms";
            case "TASK":
                return "ProGate started a task of " + app + " in PRO in " + ms + " ms";
            default:
                return "ProGate called PRO (" + e.text("method") + " " + e.text("path") + ") in " + ms + " ms";
        }
    }

    private static String needs(Event e) {
        String n = e.text("requiredApprovals");
        return n.isBlank() ? "" : " · needs " + n + " approval" + ("1".equals(n) ? "" : "s");
    }

    private static String attempts(Event e) {
        String n = e.text("attempts");
        return n.isBlank() || "0".equals(n) ? "" : " after " + n + " attempt" + ("1".equals(n) ? "" : "s");
    }

    private static String seconds(String ms) {
        try {
            return Math.max(1, Math.round(Long.parseLong(ms) / 1000.0)) + " s";
        } catch (NumberFormatException e) {
            return "a while";
        }
    }

    private static String keys(JsonNode node) {
        if (node == null || !node.isObject() || node.isEmpty()) {
            return "settings";
        }
        List<String> parts = new java.util.ArrayList<>();
        node.fields().forEachRemaining(f -> {
            JsonNode v = f.getValue();
            parts.add(v.has("from") || v.has("to") ? f.getKey() + " " + v.path("from").asText() + " → " + v.path("to").asText()
                    : f.getKey());
        });
        return String.join(", ", parts);
    }

    private static String role(String role) {
        return role.isBlank() ? "member" : role.toLowerCase(Locale.ROOT);
    }

    private static String sso(Event e) {
        return "sso".equals(e.text("source")) ? " (from single sign-on)" : "";
    }

    private static String key(Event e) {
        return (e.text("label") + (e.text("last4").isBlank() ? "" : " (••••" + e.text("last4") + ")")).trim();
    }

    private static String verified(Event e) {
        return e.text("verified").isBlank() ? "" : "true".equals(e.text("verified")) ? ", checked against PRO" : ", not checked against PRO";
    }

    private static String days(String value) {
        return "off".equals(value) || value.isBlank() ? "off" : "every " + value + " days";
    }

    private static String via(Event e) {
        String method = e.text("method");
        return method.isBlank() ? "" : " (" + method + ")";
    }
}
