package io.progate.request.web;

import io.progate.request.ReleaseRequest;
import io.quarkus.qute.TemplateExtension;

/** Form targets of break-glass and its review on the request page. */
@TemplateExtension
public final class GlassUrls {

    private GlassUrls() {
    }

    static String breakGlassUrl(ReleaseRequest r) {
        return RequestTemplates.url(r) + "/break-glass";
    }

    static String reviewUrl(ReleaseRequest r) {
        return RequestTemplates.url(r) + "/review";
    }
}
