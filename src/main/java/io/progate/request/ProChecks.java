package io.progate.request;

import io.progate.common.FieldError;
import io.progate.team.Team;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Checks of a validated submission that need the team's PRO account (a usable key with the needed
 * scope, a known AIMMS version and category). Runs outside any transaction.
 */
@ApplicationScoped
public class ProChecks {

    public List<FieldError> check(Team team, Validated request) {
        return List.of();
    }
}
