package io.progate.team;

import java.util.List;

/** What a POLICY request asks: the team's policy as it was when filed, and as it should become. */
public record PolicyChange(PolicyTerms from, PolicyTerms to) {

    /** Every setting side by side: now (when filed) and asked. */
    public List<PolicyTerms.Row> rows() {
        return from.rows(to);
    }
}
