package io.progate.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.progate.common.ConflictException;
import io.progate.credential.Credential;
import io.progate.credential.CredentialService;
import io.progate.credential.Scope;
import io.progate.pro.AppUpdate;
import io.progate.pro.Authorization;
import io.progate.pro.ProAccount;
import io.progate.pro.ProApp;
import io.progate.pro.ProApps;
import io.progate.pro.ProDirectory;
import io.progate.pro.ProException;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestStatus;
import io.progate.request.RequestType;
import io.progate.team.Team;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes {@link BeforeAfter} from live PRO: the app version now, its siblings (for the latest
 * tag) and the directory (for entity names). PRO does not report an app's access list, so the
 * "before" access list is the one the team's last successful update of this version set, if any.
 */
@ApplicationScoped
public class BeforeAfterService {

    @Inject
    ProApps apps;

    @Inject
    ProDirectory directory;

    @Inject
    ObjectMapper json;

    @Inject
    CredentialService credentials;

    /**
     * The view for a request of team {@code teamId}: app facts are read with {@code account} (the
     * PublishApp key); entity names in access lists with the team's key that has scope
     * Authentication, when it has one.
     */
    public BeforeAfter compute(ProAccount account, long teamId, RequestType type, String name, String version,
            String payload, List<Authorization> accessBefore) {
        String now = Instant.now().toString();
        Optional<ProApp> current = apps.find(account, name, version);
        if (current.isEmpty()) {
            return new BeforeAfter(now, type.name(), name, version, false, List.of(), null, null, false, false,
                    false, List.of(), List.of(), List.of());
        }
        ProApp app = current.get();
        String latestBefore = latestOf(account, name, app);
        if (type == RequestType.DELETE) {
            return new BeforeAfter(now, type.name(), name, version, true, List.of(), latestBefore, null,
                    app.isLatest(), false, false, List.of(), List.of(), List.of());
        }
        AppUpdate update = read(payload, AppUpdate.class);
        List<BeforeAfter.Change> changes = new ArrayList<>();
        change(changes, "description", app.description(), update.description());
        change(changes, "category", app.projectCategory(), update.projectCategory());
        if (update.resourceProfile() != null) {
            changes.add(new BeforeAfter.Change("resource profile", "(not reported by PRO)", update.resourceProfile()));
        }
        if (update.attributes() != null) {
            Map<String, String> old = app.attributes() == null ? Map.of() : app.attributes();
            update.attributes().forEach((key, value) -> change(changes, "attribute " + key, old.get(key), value));
        }
        String latestAfter = Boolean.TRUE.equals(update.isLatest()) ? version : latestBefore;
        if (update.authorizations() == null) {
            return new BeforeAfter(now, type.name(), name, version, true, changes, latestBefore, latestAfter, false,
                    false, false, List.of(), List.of(), List.of());
        }
        Map<Long, String> names = entityNames(teamId, account.proUrl());
        List<String> after = describe(update.authorizations(), names);
        List<String> before = accessBefore == null ? null : describe(accessBefore, names);
        List<String> added = before == null ? after : after.stream().filter(a -> !before.contains(a)).toList();
        List<String> removed = before == null ? List.of() : before.stream().filter(b -> !after.contains(b)).toList();
        return new BeforeAfter(now, type.name(), name, version, true, changes, latestBefore, latestAfter, false,
                true, before != null, added, removed, after);
    }

    /**
     * The access list the team's last successful update of this version set (PRO does not report
     * it); null when ProGate never set one.
     */
    public List<Authorization> accessBefore(long teamId, String name, String version, long excludingRequestId) {
        List<String> payloads = QuarkusTransaction.requiringNew().call(() -> ReleaseRequest.<ReleaseRequest>list(
                "team.id = ?1 and appName = ?2 and appVersion = ?3 and type = ?4 and status = ?5 and id <> ?6"
                        + " order by finishedAt desc, id desc",
                teamId, name, version, RequestType.UPDATE, RequestStatus.SUCCEEDED, excludingRequestId)
                .stream().map(r -> r.payload).toList());
        for (String payload : payloads) {
            AppUpdate update = read(payload, AppUpdate.class);
            if (update.authorizations() != null) {
                return update.authorizations();
            }
        }
        return null;
    }

    public String toJson(BeforeAfter view) {
        try {
            return view == null ? null : json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("before/after cannot be written as JSON", e);
        }
    }

    public Optional<BeforeAfter> fromJson(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(text, BeforeAfter.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    <T> T read(String payload, Class<T> type) {
        try {
            return json.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the request's stored body cannot be read", e);
        }
    }

    private String latestOf(ProAccount account, String name, ProApp app) {
        if (app.isLatest()) {
            return app.projectVersion();
        }
        return apps.versions(account, name).stream().filter(ProApp::isLatest).map(ProApp::projectVersion)
                .findFirst().orElse(null);
    }

    private static void change(List<BeforeAfter.Change> changes, String field, String before, String after) {
        if (after != null && !Objects.equals(before == null ? "" : before, after)) {
            changes.add(new BeforeAfter.Change(field, before == null ? "" : before, after));
        }
    }

    /**
     * Names of environments, groups and users by entity id, read with the team's key that has scope
     * Authentication (the PublishApp key may not read the directory); empty when there is none or
     * PRO refuses.
     */
    private Map<Long, String> entityNames(long teamId, String proUrl) {
        Optional<Credential> key = QuarkusTransaction.requiringNew()
                .call(() -> credentials.usableFor(Team.findById(teamId), Scope.AUTHENTICATION));
        if (key.isEmpty()) {
            return Map.of();
        }
        try {
            return credentials.withSecret(key.get(), secret -> entityNames(new ProAccount(proUrl, secret.reveal())));
        } catch (ConflictException e) {
            return Map.of();
        }
    }

    private Map<Long, String> entityNames(ProAccount account) {
        Map<Long, String> names = new HashMap<>();
        try {
            directory.environments(account).forEach(e -> put(names, e.id(), "environment " + e.environmentName()));
            directory.groups(account).forEach(g -> put(names, g.id(), "group " + g.groupName()));
            directory.users(account).forEach(u -> put(names, u.id(), "user " + u.userName()));
        } catch (ProException e) {
            // without the Authentication scope the numbers are shown instead of names
        }
        return names;
    }

    private static void put(Map<Long, String> names, Long id, String name) {
        if (id != null) {
            names.put(id, name);
        }
    }

    static List<String> describe(List<Authorization> rules, Map<Long, String> names) {
        return rules.stream().map(a -> (a.deny() ? "deny " : "grant ") + rights(a.authorization()) + " to "
                + names.getOrDefault(a.entity(), "entity " + a.entity())).toList();
    }

    private static String rights(int mask) {
        List<String> rights = new ArrayList<>();
        if ((mask & Authorization.READ) != 0) {
            rights.add("read");
        }
        if ((mask & Authorization.WRITE) != 0) {
            rights.add("write");
        }
        if ((mask & Authorization.EXECUTE) != 0) {
            rights.add("execute");
        }
        return String.join("+", rights);
    }
}
