package io.progate.notify;

import io.progate.account.User;
import io.progate.audit.AuditRecorded;
import io.progate.credential.Credential;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestType;
import io.progate.team.Membership;
import io.progate.team.Team;
import io.progate.team.TeamRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the audit events that matter to someone into messages, inside the transaction that writes
 * them: every change ProGate notifies about is already audited in the transaction of the change, so
 * the outbox row commits (or rolls back) with it. Refused actions notify nobody.
 */
@ApplicationScoped
public class NotificationRouter {

    @Inject
    Outbox outbox;

    void onAudit(@Observes AuditRecorded event) {
        if (!event.succeeded() || event.targetId() == null || event.targetId().isEmpty()) {
            return;
        }
        switch (event.action()) {
            case "request.submit":
                decisionNeeded(requestOf(event));
                break;
            case "request.approved":
                outcome(event, "was approved");
                break;
            case "request.reject":
                outcome(event, "was rejected by " + event.actor());
                break;
            case "request.expire":
                outcome(event, "expired without a decision");
                break;
            case "request.succeeded":
                outcome(event, "was carried out");
                break;
            case "request.failed":
                outcome(event, "failed; an approver may retry or close it");
                break;
            case "request.retry":
                outcome(event, "is being tried again (retry by " + event.actor() + ")");
                break;
            case "request.close":
                outcome(event, "was closed by " + event.actor() + " after its failure");
                break;
            case "request.scheduled":
                outcome(event, "waits until " + event.details().get("until") + ": " + event.details().get("why"));
                break;
            case "request.released":
                outcome(event, "may start now and goes to execution");
                break;
            case "request.break-glass":
                brokenGlass(event);
                break;
            case "credential.expiring":
                key(event, "expires in " + event.details().get("thresholdDays") + " day(s)");
                break;
            case "credential.replace":
            case "credential.rotate":
                key(event, "was replaced by a new key");
                break;
            default:
                break;
        }
    }

    private static ReleaseRequest requestOf(AuditRecorded event) {
        return ReleaseRequest.findById(Long.parseLong(event.targetId()));
    }

    private void decisionNeeded(ReleaseRequest r) {
        String text = r.type == RequestType.POLICY
                ? r.author.displayName + " asks to weaken the policy of team " + r.team.name
                        + ": it waits for a second person's decision"
                : r.author.displayName + " asks to " + what(r) + " in team " + r.team.name + ": it needs your decision";
        List<User> deciders = approversOf(r.team.id).stream().filter(u -> !Objects.equals(u.id, r.author.id)).toList();
        if (deciders.isEmpty() && r.adminsMayApprove) {
            // nobody else in the team may decide: the portal's admins are the second person
            deciders = User.<User>list("admin = true and enabled = true").stream()
                    .filter(u -> !Objects.equals(u.id, r.author.id)).toList();
        }
        outbox.add(new Message(NotificationKind.DECISION_NEEDED, "request.submit", r.team.id, r.id, text,
                requestPath(r.id)), deciders);
    }

    private void outcome(AuditRecorded event, String happened) {
        ReleaseRequest r = requestOf(event);
        String text = "Your request to " + what(r) + " (team " + r.team.name + ") " + happened;
        outbox.add(new Message(NotificationKind.REQUEST_OUTCOME, event.action(), r.team.id, r.id, text,
                requestPath(r.id)), List.of(r.author));
    }

    /** Break-glass: every approver of the team, every admin and the author hear of it at once. */
    private void brokenGlass(AuditRecorded event) {
        ReleaseRequest r = requestOf(event);
        String text = "BREAK-GLASS: " + event.actor() + " executes the request to " + what(r) + " in team "
                + r.team.name + " without the remaining approvals (" + event.details().get("approvals") + " of "
                + r.requiredApprovals + "); reason: " + r.breakGlassReason + ". It needs a review by someone else.";
        java.util.Map<Long, User> people = new java.util.LinkedHashMap<>();
        approversOf(r.team.id).forEach(u -> people.put(u.id, u));
        User.<User>list("admin = true and enabled = true").forEach(u -> people.put(u.id, u));
        people.put(r.author.id, r.author);
        outbox.add(new Message(NotificationKind.BREAK_GLASS, event.action(), r.team.id, r.id, text,
                requestPath(r.id)), people.values());
    }

    private void key(AuditRecorded event, String happened) {
        Credential credential = Credential.findById(Long.parseLong(event.targetId()));
        if (credential == null) {
            return;
        }
        Team team = credential.team;
        Map<String, ?> details = event.details();
        String text = "PRO key '" + details.get("label") + "' of team " + team.name + " " + happened;
        outbox.add(new Message(NotificationKind.KEY_EXPIRY, event.action(), team.id, null, text,
                "/teams/" + team.slug + "/credentials"), approversOf(team.id));
    }

    /** "publish MyApp 1.2", "update MyApp", "change the policy": what the request asks for, in words. */
    static String what(ReleaseRequest r) {
        if (r.type == RequestType.POLICY) {
            return "weaken the team's policy";
        }
        String version = r.appVersion == null || r.appVersion.isBlank() ? "" : " " + r.appVersion;
        return r.type.label().toLowerCase(java.util.Locale.ROOT) + " " + r.appName + version;
    }

    static String requestPath(long requestId) {
        return "/requests/" + requestId;
    }

    static List<User> approversOf(long teamId) {
        return Membership.<Membership>list("team.id = ?1 and role = ?2", teamId, TeamRole.APPROVER).stream()
                .map(m -> m.user).toList();
    }
}
