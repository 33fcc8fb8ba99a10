package io.progate.sso;

import io.progate.account.SessionService;
import io.progate.account.User;
import io.progate.web.Flash;
import io.quarkus.oidc.IdToken;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The way in through the identity provider. {@code /sso} is guarded by Quarkus's OIDC authorization-code
 * flow (and only by it); once the provider sends the browser back, ProGate makes or refreshes the account
 * and starts its own session, after which the portal works as after a password sign-in.
 * {@code /signed-out/provider} leads the browser on to the provider's sign-out (RP-initiated logout).
 */
@Path("/")
public class SsoResource {

    @Inject
    SsoConfig config;

    @Inject
    SsoService sso;

    @Inject
    SessionService sessions;

    @Inject
    @IdToken
    jakarta.enterprise.inject.Instance<JsonWebToken> idToken;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signedOut();
    }

    @GET
    @Path("sso")
    public Response signIn(HttpServerRequest request) {
        if (!config.enabled()) {
            throw new NotFoundException();
        }
        JsonWebToken token = idToken.get();
        SsoProfile profile = new SsoProfile(token.getSubject(), token.getClaim("preferred_username"),
                token.getClaim("name"), token.getClaim("email"), groups(token.getClaim(config.groupsClaim())));
        String sourceIp = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        try {
            User user = sso.signIn(profile, sourceIp);
            boolean secure = request.isSSL() || "https".equalsIgnoreCase(request.scheme());
            return Response.seeOther(URI.create("/")).cookie(sessions.start(user, secure)).build();
        } catch (SsoService.DisabledException e) {
            return Flash.redirectWithError("/login", "Your ProGate account is disabled.");
        }
    }

    /** After ProGate's own sign-out of an SSO session: on to the provider's sign-out page. */
    @GET
    @Path("signed-out/provider")
    public TemplateInstance signedOut() {
        if (!config.enabled()) {
            throw new NotFoundException();
        }
        return Templates.signedOut();
    }

    static List<String> groups(Object claim) {
        List<String> groups = new ArrayList<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(v -> groups.add(unquote(String.valueOf(v))));
        } else if (claim != null) {
            groups.add(unquote(String.valueOf(claim)));
        }
        return groups;
    }

    /** JSON string values of a claim array come with their quotes. */
    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
