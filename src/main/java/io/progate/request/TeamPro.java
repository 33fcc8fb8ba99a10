package io.progate.request;

import io.progate.credential.Credential;
import io.progate.credential.CredentialService;
import io.progate.credential.Scope;
import io.progate.pro.ProAccount;
import io.progate.pro.ProException;
import io.progate.team.Team;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Function;

/** Reads from a team's PRO account with the team's stored key; empty when there is no key or PRO fails. */
@ApplicationScoped
public class TeamPro {

    @Inject
    CredentialService credentials;

    public boolean hasKey(Team team, Scope scope) {
        return credentials.usableFor(team, scope).isPresent();
    }

    /**
     * Like {@link #read}, but PRO's failures are thrown (a key that cannot be used becomes a
     * {@link ProException} too); empty only when the team has no key with the scope.
     */
    public <T> Optional<T> readOrFail(Team team, Scope scope, Function<ProAccount, T> call) {
        Optional<Credential> credential = credentials.usableFor(team, scope);
        if (credential.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(credentials.withSecret(credential.get(),
                    secret -> call.apply(new ProAccount(team.proUrl, secret.reveal()))));
        } catch (io.progate.common.ConflictException e) {
            throw new ProException(0, "the team's key could not be used: " + e.getMessage(), "", false);
        }
    }

    public <T> Optional<T> read(Team team, Scope scope, String what, Function<ProAccount, T> call) {
        Optional<Credential> credential = credentials.usableFor(team, scope);
        if (credential.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(credentials.withSecret(credential.get(),
                    secret -> call.apply(new ProAccount(team.proUrl, secret.reveal()))));
        } catch (ProException e) {
            Log.infof("Could not read %s from PRO for team %s: %s", what, team.slug, e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            Log.infof("Could not read %s from PRO for team %s: %s", what, team.slug, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
