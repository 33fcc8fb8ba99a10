package io.progate.sandbox;

import io.progate.sandbox.store.SandboxMode;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Around every sandbox call: 404 when the sandbox is off, the modes that close undocumented paths,
 * the fault switches, and the call record.
 * Runs on the worker thread of the (blocking) sandbox resources.
 */
public class SandboxFilters {

    static final String PREFIX = "/sandbox/";
    static final String FAULTS_PATH = "/sandbox/_faults";
    static final String MODES_PATH = "/sandbox/_modes";
    private static final String SIGN_IN_PAGE = "<!DOCTYPE html><html><head><title>Sign in</title></head>"
            + "<body><form method=\"post\" action=\"/login\"><input name=\"user\"></form></body></html>";
    private static final java.util.regex.Pattern APP_VERSIONS = java.util.regex.Pattern.compile(
            "^" + SandboxPaths.PRO_API + "/applications/[^/]+$");

    @Inject
    SandboxConfig config;

    @Inject
    SandboxFaults faults;

    @Inject
    SandboxCallLog log;

    @Inject
    SandboxCaller caller;

    @Inject
    SandboxModes modes;

    @ServerRequestFilter
    public Optional<Response> before(ContainerRequestContext context, HttpServerRequest request) {
        String path = request.path();
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        if (!config.enabled()) {
            return Optional.of(message(404, "not found"));
        }
        if (path.startsWith(FAULTS_PATH) || path.startsWith(MODES_PATH)) {
            return Optional.empty();
        }
        if (undocumented(request.method().name(), relative(path)) && modes.isOn(SandboxMode.ONLY_DOCUMENTED_PATHS)) {
            caller.detail("mode " + SandboxMode.ONLY_DOCUMENTED_PATHS + ": a path AIMMS does not document");
            return Optional.of(message(404, "not found"));
        }
        Optional<SandboxFaults.Fault> fault = faults.take(request.method().name(), relative(path));
        if (fault.isEmpty()) {
            return Optional.empty();
        }
        SandboxFaults.Fault f = fault.get();
        switch (f.kind()) {
            case STATUS:
                caller.detail("fault switch: status " + f.status());
                return Optional.of(message(f.status(), "simulated failure (sandbox fault switch)"));
            case HTML:
                caller.detail("fault switch: 200 text/html (a sign-in page)");
                return Optional.of(Response.ok(SIGN_IN_PAGE, MediaType.TEXT_HTML_TYPE).build());
            case HANG:
                // recorded now: a caller that gives up first takes the answer's record with it
                caller.markRecorded();
                recordCall(request, 0, "fault switch: hung " + f.hangMillis() + " ms before answering");
                sleep(f.hangMillis());
                return Optional.empty();
            default:
                caller.markRecorded();
                recordCall(request, 0, "fault switch: connection dropped");
                drop(request);
                return Optional.of(Response.status(500).build());
        }
    }

    @ServerResponseFilter
    public void after(ContainerResponseContext response, HttpServerRequest request) {
        String path = request.path();
        if (!path.startsWith(PREFIX) || path.startsWith(FAULTS_PATH) || path.startsWith(MODES_PATH) || !config.enabled()
                || caller.markRecorded()) {
            return;
        }
        recordCall(request, response.getStatus(), caller.detail());
    }

    private void recordCall(HttpServerRequest request, int status, String detail) {
        try {
            log.record(request.method().name(), relative(request.path()), status, caller.keyName(),
                    request.getHeader(HttpHeaders.CONTENT_TYPE), detail);
        } catch (RuntimeException e) {
            Log.warnf("Sandbox could not record a call to %s: %s", request.path(), e.getMessage());
        }
    }

    /** The decided paths that {@link SandboxMode#ONLY_DOCUMENTED_PATHS} answers 404. */
    static boolean undocumented(String method, String relative) {
        if (relative.startsWith(SandboxPaths.PRO_API + "/applications/categories")
                || relative.startsWith(SandboxPaths.PRO_API + "/aimms-versions/")) {
            return true;
        }
        return "GET".equals(method) && APP_VERSIONS.matcher(relative).matches();
    }

    /** The path below the sandbox's account URL: {@code /sandbox/pro-api/v2/x} becomes {@code /pro-api/v2/x}. */
    static String relative(String path) {
        return path.substring(PREFIX.length() - 1);
    }

    private static Response message(int status, String text) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("message", text)).build();
    }

    /** Closes the TCP connection at once, without the orderly end of the current exchange. */
    private static void drop(HttpServerRequest request) {
        if (request.connection() instanceof ConnectionBase) {
            ((ConnectionBase) request.connection()).channel().close().syncUninterruptibly();
        } else {
            request.connection().close();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
