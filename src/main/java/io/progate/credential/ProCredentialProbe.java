package io.progate.credential;

import io.progate.credential.seal.Secret;
import io.progate.pro.ProAccount;
import io.progate.pro.ProAimmsVersions;
import io.progate.pro.ProApiKeys;
import io.progate.pro.ProApps;
import io.progate.pro.ProDirectory;
import io.progate.pro.ProException;
import io.progate.pro.ProTasks;
import io.progate.pro.model.TaskQuery;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Tries a key against the team's PRO account with one harmless read per claimed scope: environments
 * (Authentication), AIMMS versions (PublishAIMMS), apps (PublishApp), one task (Tasks), the key's own
 * API keys (APIKey). PRO's 401 and 403 are refusals; no answer at all means PRO could not be asked.
 */
@ApplicationScoped
public class ProCredentialProbe implements CredentialProbe {

    @Inject
    ProDirectory directory;

    @Inject
    ProAimmsVersions versions;

    @Inject
    ProApps apps;

    @Inject
    ProTasks tasks;

    @Inject
    ProApiKeys apiKeys;

    @Override
    public Verification probe(String proUrl, Secret key, Set<Scope> scopes) {
        ProAccount account = new ProAccount(proUrl, key.reveal());
        return new Verification(scopes.stream().map(scope -> check(account, scope)).toList());
    }

    private Verification.ScopeCheck check(ProAccount account, Scope scope) {
        try {
            call(account, scope);
            return new Verification.ScopeCheck(scope, Verification.Status.OK, "accepted");
        } catch (ProException e) {
            return new Verification.ScopeCheck(scope,
                    e.status() == 0 ? Verification.Status.UNAVAILABLE : Verification.Status.REFUSED, reason(e));
        } catch (RuntimeException e) {
            Log.warnf("Key check of scope %s at %s failed unexpectedly: %s", scope, account.proUrl(),
                    e.getClass().getSimpleName());
            return new Verification.ScopeCheck(scope, Verification.Status.UNAVAILABLE,
                    "the check could not be made (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void call(ProAccount account, Scope scope) {
        switch (scope) {
            case AUTHENTICATION -> directory.environments(account);
            case PUBLISH_AIMMS -> versions.list(account);
            case PUBLISH_APP -> apps.list(account);
            case TASKS -> tasks.list(account, new TaskQuery(null, null, 0, 1));
            case API_KEY -> apiKeys.list(account);
            default -> throw new IllegalArgumentException("no check for scope " + scope);
        }
    }

    static String reason(ProException e) {
        return switch (e.status()) {
            case 0 -> "PRO could not be reached: " + e.getMessage();
            case 401 -> "PRO answered 401: the key is unknown or has expired";
            case 403 -> "PRO answered 403: the key does not carry this scope";
            default -> "PRO answered " + e.status() + ": " + e.getMessage();
        };
    }
}
