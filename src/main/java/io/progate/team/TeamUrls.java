package io.progate.team;

import io.quarkus.qute.TemplateExtension;

/** Addresses of team pages and their form targets, for templates. */
@TemplateExtension
public final class TeamUrls {

    private TeamUrls() {
    }

    static String url(Team team) {
        return "/teams/" + team.slug;
    }

    static String membersUrl(Team team) {
        return url(team) + "/members";
    }

    static String removeUrl(Membership membership) {
        return url(membership.team) + "/members/" + membership.user.username + "/remove";
    }

    static String deleteUrl(Team team) {
        return "/admin/teams/" + team.slug + "/delete";
    }
}
