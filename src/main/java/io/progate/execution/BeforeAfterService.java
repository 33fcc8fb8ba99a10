package io.progate.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.progate.access.CurrentAccess;
import io.progate.access.EntityNames;
import io.progate.access.Names;
import io.progate.pro.ProAccount;
import io.progate.pro.ProApps;
import io.progate.pro.ProException;
import io.progate.pro.model.AppUpdate;
import io.progate.pro.model.ProApp;
import io.progate.request.AccessHistory;
import io.progate.request.RequestType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Computes {@link BeforeAfter} from live PRO with documented reads only: the app version now
 * ({@code GET /applications/{name}/{version}}), the list of apps (for the latest tag) and the
 * directory (for entity names, with the team's key of scope Authentication, and the team's
 * labels). It only informs: a read that fails is noted in the view and never fails anything. The
 * access list before a change is PRO's when PRO returns it, else the one ProGate last set.
 */
@ApplicationScoped
public class BeforeAfterService {

    @Inject
    ProApps apps;

    @Inject
    EntityNames entityNames;

    @Inject
    AccessHistory history;

    @Inject
    ObjectMapper json;

    /** Never throws for PRO's failures: what could not be read is listed in the view. */
    public BeforeAfter compute(ProAccount account, long teamId, RequestType type, String name, String version,
            String payload, CurrentAccess lastWrite) {
        String now = Instant.now().toString();
        List<String> unread = new ArrayList<>();
        Optional<ProApp> current;
        try {
            current = apps.find(account, name, version);
        } catch (ProException e) {
            return new BeforeAfter(now, type.name(), name, version, false, List.of(), null, null, false, false, false,
                    List.of(), List.of(), List.of(), null, List.of("the version itself: " + e.getMessage()));
        }
        if (current.isEmpty()) {
            return new BeforeAfter(now, type.name(), name, version, false, List.of(), null, null, false, false,
                    false, List.of(), List.of(), List.of(), null, List.of());
        }
        ProApp app = current.get();
        String latestBefore = latestOf(account, name, app, unread);
        if (type == RequestType.DELETE) {
            return new BeforeAfter(now, type.name(), name, version, true, List.of(), latestBefore, null,
                    app.isLatest(), false, false, List.of(), List.of(), List.of(), null, unread);
        }
        AppUpdate update = read(payload, AppUpdate.class);
        List<BeforeAfter.Change> changes = new ArrayList<>();
        change(changes, "description", app.description(), update.description());
        if (update.projectCategory() != null && !update.projectCategory().equalsIgnoreCase(
                app.projectCategory() == null ? "" : app.projectCategory())) {
            changes.add(new BeforeAfter.Change("category", nullToEmpty(app.projectCategory()), update.projectCategory(),
                    app.projectCategory() == null ? BeforeAfter.ADDED : BeforeAfter.CHANGED));
        }
        if (update.resourceProfile() != null) {
            changes.add(new BeforeAfter.Change("resource profile", "(not reported by PRO)", update.resourceProfile(),
                    BeforeAfter.CHANGED));
        }
        if (update.attributes() != null) {
            attributeChanges(changes, app.attributes() == null ? Map.of() : app.attributes(), update.attributes());
        }
        String latestAfter = Boolean.TRUE.equals(update.isLatest()) ? version : latestBefore;
        if (update.authorizations() == null) {
            return new BeforeAfter(now, type.name(), name, version, true, changes, latestBefore, latestAfter, false,
                    false, false, List.of(), List.of(), List.of(), null, unread);
        }
        Names names = entityNames.of(teamId);
        CurrentAccess before = app.authorizations() != null ? CurrentAccess.fromPro(app.authorizations())
                : lastWrite == null ? CurrentAccess.unknown() : lastWrite;
        List<String> after = names.rules(update.authorizations());
        List<String> was = before.known() ? names.rules(before.rules()) : null;
        List<String> added = was == null ? after : after.stream().filter(a -> !was.contains(a)).toList();
        List<String> removed = was == null ? List.of() : was.stream().filter(b -> !after.contains(b)).toList();
        return new BeforeAfter(now, type.name(), name, version, true, changes, latestBefore, latestAfter, false,
                true, before.known(), added, removed, after, before.label(), unread);
    }

    /**
     * The access list the team's last successful update of this version set (PRO does not report
     * it), labelled as such; unknown when ProGate never set one.
     */
    public CurrentAccess accessBefore(long teamId, String name, String version, long excludingRequestId) {
        return history.lastWrite(teamId, name, version, excludingRequestId).orElse(CurrentAccess.unknown());
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

    /** The version tagged latest, from the documented list of apps; null (and noted) when it cannot be read. */
    private String latestOf(ProAccount account, String name, ProApp app, List<String> unread) {
        if (app.isLatest()) {
            return app.projectVersion();
        }
        try {
            return apps.versionsFromList(account, name).stream().filter(ProApp::isLatest).map(ProApp::projectVersion)
                    .findFirst().orElse(null);
        } catch (ProException e) {
            unread.add("the latest tag (list of apps): " + e.getMessage());
            return null;
        }
    }

    /** Every key the full intended map adds, changes or removes against the map PRO holds. */
    static void attributeChanges(List<BeforeAfter.Change> changes, Map<String, String> before, Map<String, String> after) {
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            String was = before.get(key);
            String will = after.get(key);
            if (was == null && will != null) {
                changes.add(new BeforeAfter.Change("attribute " + key, "", will, BeforeAfter.ADDED));
            } else if (was != null && will == null) {
                changes.add(new BeforeAfter.Change("attribute " + key, was, "", BeforeAfter.REMOVED));
            } else if (!Objects.equals(was, will)) {
                changes.add(new BeforeAfter.Change("attribute " + key, was, will, BeforeAfter.CHANGED));
            }
        }
    }

    private static void change(List<BeforeAfter.Change> changes, String field, String before, String after) {
        if (after != null && !Objects.equals(before == null ? "" : before, after)) {
            changes.add(new BeforeAfter.Change(field, nullToEmpty(before), after,
                    before == null || before.isEmpty() ? BeforeAfter.ADDED : BeforeAfter.CHANGED));
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
