package io.progate.sandbox;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The sandbox's refusals, shaped as PRO's: {@code {"message": "..."}}. */
public class SandboxErrors {

    @ServerExceptionMapper
    public Response refused(SandboxException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("message", e.getMessage())).build();
    }
}
