package io.progate.access;

import io.progate.common.ConflictException;
import io.progate.credential.Credential;
import io.progate.credential.CredentialService;
import io.progate.pro.ProAccount;
import io.progate.pro.ProDirectory;
import io.progate.pro.ProException;
import io.progate.pro.model.ProScope;
import io.progate.team.Team;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a team's PRO user manager (environments, groups, users, every page) with the team's key of
 * scope Authentication. A read that fails is reported, never thrown: the directory only informs.
 */
@ApplicationScoped
public class AccessDirectory {

    @Inject
    CredentialService credentials;

    @Inject
    ProDirectory directory;

    public Directory read(long teamId) {
        Team team = QuarkusTransaction.requiringNew().call(() -> Team.<Team>findById(teamId));
        if (team == null) {
            return Directory.unreadable("no such team");
        }
        Optional<Credential> key = QuarkusTransaction.requiringNew()
                .call(() -> credentials.usableFor(team, ProScope.AUTHENTICATION));
        if (key.isEmpty()) {
            return Directory.unreadable("the team has no usable PRO key with scope Authentication, so PRO's user "
                    + "manager cannot be read");
        }
        try {
            return credentials.withSecret(key.get(), secret -> read(new ProAccount(team.proUrl, secret.reveal())));
        } catch (ProException e) {
            Log.infof("Could not read the user manager of team %s: %s", team.slug, e.getMessage());
            return Directory.unreadable("PRO's user manager could not be read: " + e.getMessage());
        } catch (ConflictException e) {
            return Directory.unreadable("the team's key with scope Authentication could not be used: " + e.getMessage());
        } catch (RuntimeException e) {
            Log.infof("Could not read the user manager of team %s: %s", team.slug, e.getClass().getSimpleName());
            return Directory.unreadable("PRO's user manager could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Directory read(ProAccount account) {
        List<DirectoryEntry> entries = new ArrayList<>();
        directory.environments(account).forEach(e -> entries.add(new DirectoryEntry(e.id(), DirectoryEntry.ENVIRONMENT,
                e.environmentName(), null)));
        directory.groups(account).forEach(g -> entries.add(new DirectoryEntry(g.id(), DirectoryEntry.GROUP,
                g.environmentName() == null ? g.groupName() : g.environmentName() + "/" + g.groupName(), null)));
        directory.users(account).forEach(u -> entries.add(new DirectoryEntry(u.id(), DirectoryEntry.USER, u.userName(),
                u.fullName())));
        return new Directory(entries, null);
    }
}
