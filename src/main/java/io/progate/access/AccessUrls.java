package io.progate.access;

import io.progate.team.Team;
import io.quarkus.qute.TemplateExtension;

/** Addresses of the entity label page and its forms, for templates. */
@TemplateExtension
public final class AccessUrls {

    private AccessUrls() {
    }

    static String entityLabelsUrl(Team team) {
        return EntityLabelResource.url(team);
    }

    static String removeLabelUrl(Team team, EntityLabel label) {
        return entityLabelsUrl(team) + "/" + label.entityId + "/remove";
    }
}
