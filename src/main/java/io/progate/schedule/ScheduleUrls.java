package io.progate.schedule;

import io.progate.team.Team;
import io.quarkus.qute.TemplateExtension;

/** Addresses of the freeze pages and their form targets, for templates and redirects. */
@TemplateExtension
public final class ScheduleUrls {

    static final String ADMIN_PAGE = "/admin/freezes";

    private ScheduleUrls() {
    }

    /** The team's freezes page, for the team page's link. */
    static String freezesUrl(Team team) {
        return teamPage(team.slug);
    }

    static String teamPage(String slug) {
        return "/teams/" + slug + "/freezes";
    }

    /** Lifting {@code freeze} from {@code page} (the team's freezes page or the admin page), which it returns to. */
    static String liftUrl(Freeze freeze, String page) {
        return page + "/" + freeze.id + "/lift";
    }
}
