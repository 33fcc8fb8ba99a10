package io.progate.credential;

import io.progate.team.Team;
import io.progate.team.TeamNotice;
import io.progate.team.TeamNotices;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The team's PRO keys that expire within 30 days or have expired, as a notice on the team pages. */
@ApplicationScoped
public class ExpiringKeysNotice implements TeamNotices {

    @Override
    public List<TeamNotice> about(Team team) {
        List<Credential> expiring = CredentialService.expiringSoon(team);
        if (expiring.isEmpty()) {
            return List.of();
        }
        List<String> items = expiring.stream().map(c -> c.label + " (••••" + c.last4 + ") expires "
                + CredentialTemplates.expiryDay(c) + ", " + CredentialTemplates.expiresIn(c)).toList();
        return List.of(new TeamNotice("PRO keys expiring soon:", items, CredentialTemplates.credentialsUrl(team),
                "Replace them"));
    }
}
