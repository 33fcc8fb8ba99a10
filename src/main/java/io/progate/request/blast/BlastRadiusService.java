package io.progate.request.blast;

import io.progate.access.CurrentAccess;
import io.progate.access.EntityNames;
import io.progate.access.Names;
import io.progate.pro.ProException;
import io.progate.pro.model.ProApp;
import io.progate.pro.model.ProTask;
import io.progate.request.AccessHistory;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestStatus;
import io.progate.request.RequestType;
import io.progate.team.Team;
import io.progate.team.TeamPolicy;
import io.progate.teampro.ProCatalog;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the {@link BlastRadius} of a delete request from live PRO, with the team's keys through
 * {@link ProCatalog}: the documented list of apps (versions and the latest tag, scope PublishApp), the
 * task list of the version (scope Tasks), and the access list ProGate knows ({@link AccessHistory})
 * named with the team's directory and labels. It only informs and never throws for PRO: a part that
 * could not be read is marked unknown with the reason.
 */
@ApplicationScoped
public class BlastRadiusService {

    /** The statuses in which the delete has not been carried out yet, so its blast radius is worth reading. */
    static final Set<RequestStatus> BEFORE_EXECUTION = Set.of(RequestStatus.PENDING, RequestStatus.APPROVED,
            RequestStatus.SCHEDULED);

    @Inject
    ProCatalog catalog;

    @Inject
    AccessHistory history;

    @Inject
    EntityNames names;

    /** The blast radius of a delete that has not been carried out yet; empty for other requests. */
    public Optional<BlastRadius> of(ReleaseRequest r) {
        if (r.type != RequestType.DELETE || !BEFORE_EXECUTION.contains(r.status)) {
            return Optional.empty();
        }
        return Optional.of(compute(r.team, r.id, r.appName, r.appVersion, r.requiredApprovals));
    }

    BlastRadius compute(Team team, long requestId, String name, String version, int required) {
        int policyDeletes = QuarkusTransaction.requiringNew().call(() -> TeamPolicy.of(Team.findById(team.id)).deleteApprovals);
        Versions versions = versions(team, name, version);
        CurrentAccess access = history.current(team.id, versions.self, name, version, requestId);
        List<String> loses = access.known() && !access.rules().isEmpty()
                ? names.of(team.id).rules(access.rules().stream().filter(a -> !a.deny()).toList())
                : List.of();
        Tasks tasks = tasks(team, name, version);
        String reason = approvalReason(versions, name, required, policyDeletes);
        return new BlastRadius(name, version, versions.known, versions.unknown, versions.self != null,
                versions.last, versions.deletesLatest, versions.latestBefore, versions.latestAfter,
                versions.remaining.size(), versions.remaining, access.known(), access.label(), loses, tasks.known,
                tasks.unknown, tasks.open, required, policyDeletes, reason, summary(versions, name, version));
    }

    /** The versions of the app now and after the delete; unknown with the reason when PRO cannot tell. */
    Versions versions(Team team, String name, String version) {
        List<ProApp> all;
        try {
            Optional<List<ProApp>> read = catalog.versionsOrFail(team, name);
            if (read.isEmpty()) {
                return Versions.unknown("the team has no usable PRO key with scope PublishApp, so the app's versions "
                        + "cannot be read");
            }
            all = read.get();
        } catch (ProException e) {
            Log.infof("Blast radius of %s %s for team %s: versions unreadable: %s", name, version, team.slug,
                    e.getMessage());
            return Versions.unknown("PRO's list of apps could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            Log.infof("Blast radius of %s %s for team %s: versions unreadable: %s", name, version, team.slug,
                    e.getClass().getSimpleName());
            return Versions.unknown("PRO's list of apps could not be read (" + e.getClass().getSimpleName() + ")");
        }
        ProApp self = all.stream().filter(a -> version.equals(a.projectVersion())).findFirst().orElse(null);
        List<ProApp> rest = all.stream().filter(a -> !version.equals(a.projectVersion()))
                .sorted(Comparator.comparing((ProApp a) -> a.publishedAt() == null ? "" : a.publishedAt())).toList();
        String latestBefore = all.stream().filter(ProApp::isLatest).map(ProApp::projectVersion).findFirst().orElse(null);
        boolean deletesLatest = self != null && self.isLatest();
        String latestAfter = rest.isEmpty() ? null
                : deletesLatest ? rest.get(rest.size() - 1).projectVersion() : latestBefore;
        return new Versions(true, null, self, self != null && rest.isEmpty(), deletesLatest, latestBefore, latestAfter,
                rest.stream().map(ProApp::projectVersion).toList());
    }

    /** Tasks of the version still queued or running; unknown with the reason when PRO cannot tell. */
    Tasks tasks(Team team, String name, String version) {
        try {
            Optional<List<ProTask>> read = catalog.openTasksOrFail(team, name, version);
            if (read.isEmpty()) {
                return new Tasks(false, "the team has no usable PRO key with scope Tasks, so the version's tasks "
                        + "cannot be read", List.of());
            }
            return new Tasks(true, null, read.get().stream().map(t -> new BlastRadius.OpenTask(t.id(), t.serviceName(),
                    t.state(), t.userName(), t.createdAt() == null ? null : t.createdAt().toString())).toList());
        } catch (ProException e) {
            return new Tasks(false, "PRO's list of tasks could not be read: " + e.getMessage(), List.of());
        } catch (RuntimeException e) {
            return new Tasks(false, "PRO's list of tasks could not be read (" + e.getClass().getSimpleName() + ")",
                    List.of());
        }
    }

    /** Why the request needs the approvals it does, in words. */
    static String approvalReason(Versions v, String name, int required, int policyDeletes) {
        String count = required + " approval" + (required == 1 ? "" : "s");
        String policy = "the team's policy asks " + policyDeletes + " for a delete (\"Approvals for delete\")"
                + (required == policyDeletes ? "" : "; this request was filed when it asked " + required);
        if (!v.known) {
            return "Needs " + count + ": " + policy + ".";
        }
        if (v.last) {
            return "Needs " + count + " because it deletes the last version of " + name + ", so the app disappears: "
                    + policy + ".";
        }
        if (v.deletesLatest) {
            return "Needs " + count + " because it deletes the version tagged latest: " + policy + ".";
        }
        return "Needs " + count + ": " + policy + ".";
    }

    static String summary(Versions v, String name, String version) {
        if (!v.known) {
            return "The blast radius is unknown: " + v.unknown + ".";
        }
        if (v.self == null) {
            return name + " " + version + " is not in PRO now: the delete would fail.";
        }
        if (v.last) {
            return "This is the last version of " + name + ": after the delete the app disappears from PRO.";
        }
        int n = v.remaining.size();
        return n + " version" + (n == 1 ? "" : "s") + " of " + name + " remain" + (n == 1 ? "s" : "")
                + (v.deletesLatest ? "; " + v.latestAfter + " becomes latest" : v.latestAfter == null ? ""
                        : "; " + v.latestAfter + " stays latest") + ".";
    }

    record Versions(boolean known, String unknown, ProApp self, boolean last, boolean deletesLatest, String latestBefore,
            String latestAfter, List<String> remaining) {

        static Versions unknown(String why) {
            return new Versions(false, why, null, false, false, null, null, List.of());
        }
    }

    record Tasks(boolean known, String unknown, List<BlastRadius.OpenTask> open) {
    }
}
