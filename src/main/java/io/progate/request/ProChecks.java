package io.progate.request;

import io.progate.common.FieldError;
import io.progate.credential.Scope;
import io.progate.team.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks of a validated submission that need the team's PRO account: a usable key with scope
 * PublishApp (refused without one), then, when PRO answers, a known AIMMS version and category.
 * When PRO cannot be read those two are left to PRO at execution. Runs outside any transaction.
 */
@ApplicationScoped
public class ProChecks {

    @Inject
    TeamPro pro;

    @Inject
    ProCatalog catalog;

    public List<FieldError> check(Team team, Validated request) {
        List<FieldError> errors = new ArrayList<>();
        if (!pro.hasKey(team, Scope.PUBLISH_APP)) {
            errors.add(new FieldError("credential", "the team has no usable PRO API key with scope "
                    + Scope.PUBLISH_APP.proName() + "; an approver of the team adds one on its credentials page"));
            return errors;
        }
        if (request.body() instanceof PublishFields) {
            PublishFields m = (PublishFields) request.body();
            Optional<List<String>> versions = catalog.aimmsVersions(team);
            if (versions.isPresent() && !versions.get().contains(m.aimmsVersionId())) {
                errors.add(new FieldError("metadata.aimmsVersionId", "not an AIMMS version of the team's PRO account"));
            }
            category(team, "metadata.projectCategory", m.projectCategory(), errors);
        } else if (request.body() instanceof UpdateFields) {
            category(team, "changes.projectCategory", ((UpdateFields) request.body()).projectCategory(), errors);
        }
        return errors;
    }

    private void category(Team team, String field, String category, List<FieldError> errors) {
        if (category == null) {
            return;
        }
        Optional<List<String>> known = catalog.categories(team);
        if (known.isPresent() && !known.get().contains(category)) {
            errors.add(new FieldError(field, "not a category of the team's PRO account: " + String.join(", ", known.get())));
        }
    }
}
