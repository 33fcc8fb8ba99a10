package io.progate.web;

import io.progate.common.FieldError;
import io.progate.common.InvalidInputException;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** Helpers for a form that fails validation: re-render it with errors next to the fields, status 400. */
public final class FormErrors {

    private FormErrors() {
    }

    /** Field name to its first message. */
    public static Map<String, String> of(InvalidInputException e) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError error : e.errors()) {
            byField.putIfAbsent(error.field(), error.message());
        }
        return byField;
    }

    public static Map<String, String> one(String field, String message) {
        return Map.of(field, message);
    }

    public static Response badRequest(TemplateInstance page) {
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(page.render()).build();
    }
}
