package io.progate.request;

import io.progate.common.FieldError;
import io.progate.pro.ProException;
import io.progate.pro.model.AppUpdate;
import io.progate.pro.model.ProApp;
import io.progate.pro.model.ProScope;
import io.progate.pro.model.PublishMetadata;
import io.progate.team.Team;
import io.progate.teampro.ProCatalog;
import io.progate.teampro.TeamPro;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks and completions of a validated submission that need the team's PRO account, outside any
 * transaction: a usable key with scope PublishApp (refused without one); for a publish, an AIMMS
 * version PRO lists (official ones, or development builds too when the author asked) and a known
 * category, both left to PRO when PRO cannot be read; for an update, a known category and, when
 * attributes change, the current attribute map read from PRO (refused when it cannot be read, so
 * that nothing is lost) with the change applied to it. Category names match whatever their case
 * and are stored as PRO spells them.
 */
@ApplicationScoped
public class ProChecks {

    @Inject
    TeamPro pro;

    @Inject
    ProCatalog catalog;

    /** The submission completed for PRO, or the reasons it is refused. */
    public record Checked(Validated request, List<FieldError> errors) {
    }

    public Checked check(Team team, Validated request) {
        List<FieldError> errors = new ArrayList<>();
        ProScope scope = scopeFor(request.type());
        if (!pro.hasKey(team, scope)) {
            errors.add(new FieldError("credential", "the team has no usable PRO API key with scope "
                    + scope.wireName() + "; an approver of the team adds one on its credentials page"));
            return new Checked(request, errors);
        }
        Validated result = request;
        if (request.body() instanceof PublishMetadata) {
            PublishMetadata m = (PublishMetadata) request.body();
            result = result.withAimmsBuild(aimmsBuild(team, m.aimmsVersionId(), request.devBuilds(), errors));
            String category = category(team, "metadata.projectCategory", m.projectCategory(), errors);
            result = result.withBody(m.withCategory(category));
        } else if (request.body() instanceof AppUpdate) {
            AppUpdate c = (AppUpdate) request.body();
            String category = category(team, "changes.projectCategory", c.projectCategory(), errors);
            Map<String, String> attributes = c.attributes() == null ? null
                    : attributes(team, request.appName(), request.appVersion(), c.attributes(), errors);
            AppUpdate complete = c.withCategory(category).withAttributes(attributes);
            if (errors.isEmpty() && complete.isEmpty()) {
                errors.add(new FieldError("changes", "the version already has these attributes: name at least one "
                        + "thing to change"));
            }
            result = result.withBody(complete);
        }
        return new Checked(result, errors);
    }

    /**
     * For a delete: whether the version is the one tagged latest and whether it is the app's only
     * version, as PRO lists them now ({@code LATEST_VERSION}, {@code LAST_VERSION} of
     * {@link io.progate.team.ApprovalRule}); empty when PRO cannot be read.
     */
    public Optional<java.util.Set<String>> deleteFacts(Team team, String appName, String appVersion) {
        return catalog.versions(team, appName).map(versions -> {
            java.util.Set<String> facts = new java.util.HashSet<>();
            versions.stream().filter(v -> appVersion.equals(v.projectVersion())).findFirst().ifPresent(v -> {
                if (v.isLatest()) {
                    facts.add(io.progate.team.ApprovalRule.LATEST_VERSION);
                }
                if (versions.size() == 1) {
                    facts.add(io.progate.team.ApprovalRule.LAST_VERSION);
                }
            });
            return facts;
        });
    }

    /** The scope the request's PRO call needs: Tasks for a task, PublishApp for app changes. */
    public static ProScope scopeFor(RequestType type) {
        return type == RequestType.TASK ? ProScope.TASKS : ProScope.PUBLISH_APP;
    }

    /**
     * OFFICIAL or DEVELOPMENT as PRO lists the version; null when PRO cannot be read (PRO decides at
     * execution). A development
     * build is refused unless the author asked for development builds.
     */
    private String aimmsBuild(Team team, String id, boolean devBuilds, List<FieldError> errors) {
        Optional<List<String>> official = catalog.aimmsVersions(team, false);
        if (official.isEmpty()) {
            return null;
        }
        if (official.get().contains(id)) {
            return Validated.OFFICIAL;
        }
        Optional<List<String>> all = catalog.aimmsVersions(team, true);
        if (all.isPresent() && all.get().contains(id)) {
            if (devBuilds) {
                return Validated.DEVELOPMENT;
            }
            errors.add(new FieldError("metadata.aimmsVersionId", "a development build of AIMMS: tick \"show "
                    + "development builds\" (devBuilds in the API) to publish on it"));
            return null;
        }
        errors.add(new FieldError("metadata.aimmsVersionId", "not an AIMMS version of the team's PRO account"));
        return null;
    }

    /** PRO's spelling of the category; names match whatever their case. Unchanged when PRO cannot be read. */
    private String category(Team team, String field, String category, List<FieldError> errors) {
        if (category == null) {
            return null;
        }
        Optional<List<String>> known = catalog.categories(team);
        if (known.isEmpty()) {
            return category;
        }
        Optional<String> match = known.get().stream()
                .filter(k -> k.toLowerCase(Locale.ROOT).equals(category.toLowerCase(Locale.ROOT))).findFirst();
        if (match.isEmpty()) {
            errors.add(new FieldError(field, "not a category of the team's PRO account: " + String.join(", ", known.get())));
            return category;
        }
        return match.get();
    }

    /**
     * The full attribute map the version will have: the current one read from PRO with the change
     * applied (a null value removes its key); null when it equals the current map (nothing to send).
     */
    private Map<String, String> attributes(Team team, String appName, String appVersion, Map<String, String> change,
            List<FieldError> errors) {
        Optional<ProApp> current;
        try {
            current = catalog.version(team, appName, appVersion);
        } catch (ProException e) {
            errors.add(new FieldError("changes.attributes", "the version's current attributes could not be read from "
                    + "PRO, so the change cannot be applied to them: " + e.getMessage()));
            return null;
        }
        if (current.isEmpty()) {
            errors.add(new FieldError("appVersion", "PRO has no version " + appVersion + " of " + appName));
            return null;
        }
        Map<String, String> before = current.get().attributes() == null ? Map.of() : current.get().attributes();
        Map<String, String> after = new LinkedHashMap<>(before);
        change.forEach((key, value) -> {
            if (value == null) {
                after.remove(key);
            } else {
                after.put(key, value);
            }
        });
        return Objects.equals(before, after) ? null : after;
    }
}
