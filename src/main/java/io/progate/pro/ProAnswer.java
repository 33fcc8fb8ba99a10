package io.progate.pro;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;

/**
 * How the body of a successful PRO answer becomes a value. Reading is tolerant (unknown fields
 * are ignored, missing optional ones stay null); a body that cannot be read at all (HTML from a
 * proxy, a field of another type, no JSON) is {@link NotUnderstood}, never a broken connection.
 */
abstract class ProAnswer<T> {

    /** JSON of this type; an empty body reads as null. */
    static <T> ProAnswer<T> json(Class<T> type) {
        return new Json<>(mapper -> mapper.constructType(type));
    }

    /** JSON of this generic type, such as a list of apps; an empty body reads as null. */
    static <T> ProAnswer<T> json(TypeReference<T> type) {
        return new Json<>(mapper -> mapper.getTypeFactory().constructType(type));
    }

    /** Any JSON, read as a tree for answers whose shape varies. */
    static ProAnswer<JsonNode> tree() {
        return json(JsonNode.class);
    }

    /** No value expected: an empty body or any JSON is fine; anything else is not understood. */
    static ProAnswer<Void> none() {
        return new ProAnswer<>() {
            @Override
            Void decode(ObjectMapper mapper, int status, String contentType, byte[] body) {
                requireSuccess(status);
                if (body.length > 0 && !isBlank(body)) {
                    refuseHtml(contentType);
                    try {
                        mapper.readTree(body);
                    } catch (IOException e) {
                        throw new NotUnderstood("the body is not JSON");
                    }
                }
                return null;
            }
        };
    }

    /** The raw bytes, whatever they are (a task's response). */
    static ProAnswer<byte[]> bytes() {
        return new ProAnswer<>() {
            @Override
            byte[] decode(ObjectMapper mapper, int status, String contentType, byte[] body) {
                requireSuccess(status);
                return body;
            }
        };
    }

    abstract T decode(ObjectMapper mapper, int status, String contentType, byte[] body);

    /** The answer is not something ProGate can read; {@code reason} names what is wrong, never a value from it. */
    static final class NotUnderstood extends RuntimeException {
        NotUnderstood(String reason) {
            super(reason, null, false, false);
        }
    }

    private interface TypeOf {
        JavaType of(ObjectMapper mapper);
    }

    private static final class Json<T> extends ProAnswer<T> {
        private final TypeOf type;

        Json(TypeOf type) {
            this.type = type;
        }

        @Override
        T decode(ObjectMapper mapper, int status, String contentType, byte[] body) {
            requireSuccess(status);
            if (body.length == 0 || isBlank(body)) {
                return null;
            }
            refuseHtml(contentType);
            try {
                return mapper.readValue(body, type.of(mapper));
            } catch (JsonMappingException e) {
                String at = e.getPathReference() == null ? "" : path(e);
                throw new NotUnderstood(at.isEmpty() ? "the JSON does not have the expected shape"
                        : "the field " + at + " does not have the expected type");
            } catch (JsonProcessingException e) {
                throw new NotUnderstood("the body is not JSON");
            } catch (IOException e) {
                throw new NotUnderstood("the body could not be read");
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

    /** Answers below 400 reach the decoder; only 2xx carry a result (a redirect, say to a sign-in page, does not). */
    private static void requireSuccess(int status) {
        if (status < 200 || status > 299) {
            throw new NotUnderstood("status " + status + " is not an answer of PRO's API");
        }
    }

    private static void refuseHtml(String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) {
            throw new NotUnderstood("the body is a web page, not JSON");
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
