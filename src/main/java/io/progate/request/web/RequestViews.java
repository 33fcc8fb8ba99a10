package io.progate.request.web;

import io.progate.request.TaskFields;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.progate.diff.ModelDiff;
import io.progate.diff.RequestDiff;
import io.progate.request.blast.BlastRadius;
import io.progate.request.blast.BlastRadiusService;
import io.progate.packages.PackageStore;
import io.progate.packages.RequestPackage;
import io.progate.pro.model.AppUpdate;
import io.progate.pro.model.PublishMetadata;
import io.progate.request.Approval;
import io.progate.request.Decision;
import io.progate.request.Payloads;
import io.progate.request.ProCall;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestType;
import io.progate.team.PolicyChange;
import io.progate.team.PolicyTerms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Turns requests into their JSON views and one-line summaries. */
@ApplicationScoped
public class RequestViews {

    @Inject
    Payloads payloads;

    @Inject
    PackageStore store;

    @Inject
    BlastRadiusService blastRadius;

    public RequestView of(ReleaseRequest r) {
        return of(r, decisions(r), null, diffOf(r));
    }

    /** One request for its own page or answer: with a delete's blast radius, read from PRO (no transaction held). */
    public RequestView detailed(ReleaseRequest r) {
        return of(r, decisions(r), blastRadius.of(r).orElse(null), diffOf(r));
    }

    private static ModelDiff.Summary diffOf(ReleaseRequest r) {
        return RequestDiff.forRequest(r.id).map(ModelDiff::summary).orElse(null);
    }

    /**
     * Views of a page of requests with two queries in all (the page, read with its team, author and files,
     * and here the decisions of all its requests), whatever the page's length.
     */
    public List<RequestView> of(List<ReleaseRequest> page) {
        Map<Long, List<RequestView.ApprovalView>> decisions = Approval.ofAll(page.stream().map(r -> r.id).toList())
                .stream().collect(Collectors.groupingBy(Approval.Row::requestId,
                        Collectors.mapping(RequestViews::approvalView, Collectors.toList())));
        return page.stream().map(r -> of(r, decisions.getOrDefault(r.id, List.of()), null, null)).toList();
    }

    private static List<RequestView.ApprovalView> decisions(ReleaseRequest r) {
        return Approval.ofAll(List.of(r.id)).stream().map(RequestViews::approvalView).toList();
    }

    private static RequestView.ApprovalView approvalView(Approval.Row a) {
        return new RequestView.ApprovalView(a.approver(), a.displayName(), a.decision().name(), a.comment(), a.at());
    }

    private RequestView of(ReleaseRequest r, List<RequestView.ApprovalView> approvals, BlastRadius blast,
            ModelDiff.Summary diff) {
        long count = approvals.stream().filter(a -> a.decision().equals(Decision.APPROVE.name())).count();
        RequestView.PackageView pkg = packageView(r.pkg);
        return new RequestView(r.id, r.type.name(), r.status.name(), r.team.slug, r.author.username, r.reason,
                r.appName, r.appVersion, summary(r), payloads.tree(r.payload), ProCall.of(r, payloads),
                pkg == null ? null : pkg.size(), pkg == null ? null : pkg.sha256(), pkg, packageView(r.icon),
                approvals, count, r.requiredApprovals, r.adminsMayApprove, r.createdAt, r.updatedAt, r.expiresAt,
                r.decidedAt, r.finishedAt, r.outcome == null ? null : payloads.tree(r.outcome), policyChange(r),
                r.aimmsBuild, scheduleView(r), breakGlassView(r), blast, diff, approvalRule(r));
    }

    private static RequestView.ScheduleView scheduleView(ReleaseRequest r) {
        return r.notBefore == null && r.scheduledUntil == null ? null
                : new RequestView.ScheduleView(r.notBefore, r.scheduledUntil, r.scheduledWhy, r.heldByFreeze);
    }

    private static RequestView.BreakGlassView breakGlassView(ReleaseRequest r) {
        return !r.isBreakGlass() ? null
                : new RequestView.BreakGlassView(r.breakGlassBy, r.breakGlassAt, r.breakGlassReason, r.awaitsReview(),
                        r.reviewedBy, r.reviewedAt, r.reviewComment);
    }

    /** The rule that set the request's approvals, or "policy default"; null for a POLICY request. */
    public static String approvalRule(ReleaseRequest r) {
        if (r.type == RequestType.POLICY) {
            return null;
        }
        return r.approvalRule == null ? io.progate.team.ApprovalRules.POLICY_DEFAULT : r.approvalRule;
    }

    public RequestView.PackageView packageView(RequestPackage p) {
        return p == null ? null
                : new RequestView.PackageView(p.fileName, p.sizeBytes, p.sha256, p.isPurged(), store.inspectionOf(p));
    }

    /** For a POLICY request, the team's policy when it was filed and as asked; null for other types. */
    public PolicyChange policyChange(ReleaseRequest r) {
        return r.type == RequestType.POLICY ? readable(() -> payloads.policy(r.payload)) : null;
    }

    /** What the request will do, in words. */
    public String summary(ReleaseRequest r) {
        switch (r.type) {
            case POLICY:
                PolicyChange change = policyChange(r);
                return "Change the team's approval policy"
                        + (change == null ? "" : ": " + String.join(", ", change.rows().stream().filter(PolicyTerms.Row::changed)
                                .map(row -> row.setting().toLowerCase(java.util.Locale.ROOT) + " " + row.before() + " → "
                                        + row.after())
                                .toList()));
            case PUBLISH:
                PublishMetadata m = readable(() -> payloads.publish(r.payload));
                int behavior = m == null ? PublishMetadata.NEW_APP : m.behavior();
                if (behavior == PublishMetadata.NEW_APP) {
                    return "Publish the new app " + r.appName + " version " + r.appVersion;
                }
                return "Publish version " + r.appVersion + " of " + r.appName + " as a new version of "
                        + m.oldProjectName() + " " + m.oldProjectVersion()
                        + (behavior == PublishMetadata.NEW_VERSION_HIDE_OLD ? ", hiding the old version"
                                : ", keeping the old version visible");
            case TASK:
                TaskFields task = payloads.task(r.payload);
                return "Run the service " + task.serviceName() + " of " + r.appName
                        + (task.latest() ? " (the version tagged latest)" : " version " + r.appVersion);
            case UPDATE:
                AppUpdate c = readable(() -> payloads.update(r.payload));
                return "Update " + r.appName + " version " + r.appVersion + ": " + changed(c);
            default:
                return "Delete " + r.appName + " version " + r.appVersion;
        }
    }

    private static String changed(AppUpdate c) {
        if (c == null) {
            return "nothing";
        }
        List<String> parts = new java.util.ArrayList<>();
        if (c.description() != null) {
            parts.add("description");
        }
        if (c.projectCategory() != null) {
            parts.add("category to " + c.projectCategory());
        }
        if (Boolean.TRUE.equals(c.isLatest())) {
            parts.add("make it the latest version");
        }
        if (c.attributes() != null) {
            parts.add("attributes");
        }
        if (c.authorizations() != null) {
            parts.add(c.authorizations().isEmpty() ? "remove all authorizations"
                    : "authorizations (" + c.authorizations().size() + " entries)");
        }
        if (c.resourceProfile() != null) {
            parts.add("resource profile");
        }
        return String.join(", ", parts);
    }

    /** A stored body as its type; null when it cannot be read, so that a view still shows the rest. */
    private static <T> T readable(Supplier<T> read) {
        try {
            return read.get();
        } catch (Payloads.UnreadablePayloadException e) {
            return null;
        }
    }
}
