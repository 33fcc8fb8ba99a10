package io.progate.ownership;

import io.quarkus.qute.TemplateExtension;

/** Addresses of the app-owner forms, for templates. */
@TemplateExtension
public final class OwnershipUrls {

    private OwnershipUrls() {
    }

    static String transferUrl(AppClaim claim) {
        return AdminAppOwnersResource.PAGE + "/" + claim.id + "/transfer";
    }

    static String releaseUrl(AppClaim claim) {
        return AdminAppOwnersResource.PAGE + "/" + claim.id + "/release";
    }

    /** The team's choice of what its apps page shows of other teams' apps. */
    static String appsViewUrl(io.progate.team.Team team) {
        return "/teams/" + team.slug + "/apps/view";
    }
}
