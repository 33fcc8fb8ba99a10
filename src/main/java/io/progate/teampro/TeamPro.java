package io.progate.teampro;

import io.progate.common.ConflictException;
import io.progate.credential.Credential;
import io.progate.credential.CredentialService;
import io.progate.credential.Scope;
import io.progate.pro.ProAccount;
import io.progate.pro.ProException;
import io.progate.team.Team;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Function;

/**
 * PRO access for a team: calls the team's PRO account with the team's stored key, opened for one
 * call only. Request checks and pick lists, the team's apps page and the execution worker all go
 * through here. {@link #read} is empty when there is no key or PRO fails; {@link #readOrFail}
 * throws PRO's failures; {@link #keyFor} and {@link #with} let the worker tell the cases apart.
 */
@ApplicationScoped
public class TeamPro {

    @Inject
    CredentialService credentials;

    /** The team's usable key with the scope, looked up in a transaction of its own; empty when it has none. */
    public Optional<Credential> keyFor(long teamId, Scope scope) {
        return QuarkusTransaction.requiringNew().call(() -> credentials.usableFor(Team.findById(teamId), scope));
    }

    /**
     * Calls the PRO account at {@code proUrl} with {@code key}, opened for this call only.
     *
     * @throws ConflictException when the key cannot be opened
     */
    public <T> T with(Credential key, String proUrl, Function<ProAccount, T> call) {
        return credentials.withSecret(key, secret -> call.apply(new ProAccount(proUrl, secret.reveal())));
    }

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
            return Optional.ofNullable(with(credential.get(), team.proUrl, call));
        } catch (ConflictException e) {
            throw new ProException(0, "the team's key could not be used: " + e.getMessage(), "", false);
        }
    }

    public <T> Optional<T> read(Team team, Scope scope, String what, Function<ProAccount, T> call) {
        Optional<Credential> credential = credentials.usableFor(team, scope);
        if (credential.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(with(credential.get(), team.proUrl, call));
        } catch (ProException e) {
            Log.infof("Could not read %s from PRO for team %s: %s", what, team.slug, e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            Log.infof("Could not read %s from PRO for team %s: %s", what, team.slug, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
