package io.progate.pro;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns every answer of 400 and above into a {@link ProHttpFailure} carrying the body. */
class ProResponseMapper implements ResponseExceptionMapper<ProHttpFailure> {

    @Override
    public ProHttpFailure toThrowable(Response response) {
        String body;
        try {
            body = response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException unreadable) {
            body = "";
        }
        return new ProHttpFailure(response.getStatus(), body);
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
