package io.progate.request.web;

import io.progate.diff.ModelDiff;
import io.progate.diff.RequestDiff;
import io.progate.request.ReleaseRequest;
import io.progate.request.RequestType;
import io.quarkus.qute.TemplateExtension;

/** The model diff on a publish's page ({@code tags/modelDiff.html}). */
@TemplateExtension
public final class DiffTemplates {

    private DiffTemplates() {
    }

    /** The stored model diff of a publish; null for other requests and publishes filed before diffs existed. */
    static ModelDiff modelDiff(ReleaseRequest r) {
        return r.type == RequestType.PUBLISH ? RequestDiff.forRequest(r.id).orElse(null) : null;
    }

    static String diffUrl(ReleaseRequest r) {
        return "/api/v1/requests/" + r.id + "/diff";
    }
}
