package io.progate.team;

import java.util.List;

/**
 * What a feature has to tell a team's people on the team page (say, PRO keys about to expire; the
 * dashboard reads expiring keys of all the user's teams at once instead). Features implement it as
 * beans; the team pages ask them all before rendering, so no template runs a query and {@code team}
 * depends on no feature that depends on it.
 */
public interface TeamNotices {

    /** The notices about {@code team} now; empty when there is nothing to say. */
    List<TeamNotice> about(Team team);
}
