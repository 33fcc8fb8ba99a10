package io.progate.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads request bodies strictly, as a picky PRO would: unknown fields, values of another type (a
 * number in quotes, say) and trailing text are refused with 400 and say which field. Answers are
 * written by the portal's ordinary JSON mapper.
 */
final class SandboxJson {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(new JavaTimeModule())
            .build();

    private SandboxJson() {
    }

    /** The body as {@code type}; {@code what} names it in a refusal ("metadata", "the update body"). */
    static <T> T read(String text, Class<T> type, String what) {
        if (text == null || text.isBlank()) {
            throw SandboxException.invalid(what + ": a JSON object is required");
        }
        try {
            T value = STRICT.readValue(text, type);
            if (value == null) {
                throw SandboxException.invalid(what + ": a JSON object is required");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw SandboxException.invalid(what + ": unknown field '" + e.getPropertyName() + "'");
        } catch (JsonMappingException e) {
            throw SandboxException.invalid(what + ": " + (path(e).isEmpty() ? "not of the documented shape"
                    : "the field '" + path(e) + "' has the wrong type"));
        } catch (JsonProcessingException e) {
            throw SandboxException.invalid(what + ": not valid JSON");
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder text = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                text.append(text.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                text.append('[').append(ref.getIndex()).append(']');
            }
        }
        return text.toString();
    }
}
