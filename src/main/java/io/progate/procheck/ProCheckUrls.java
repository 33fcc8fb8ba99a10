package io.progate.procheck;

import io.progate.team.Team;
import io.quarkus.qute.TemplateExtension;

/** The address of a team's PRO connection check, for templates. */
@TemplateExtension
public final class ProCheckUrls {

    private ProCheckUrls() {
    }

    static String proCheckUrl(Team team) {
        return "/teams/" + team.slug + "/pro-check";
    }
}
