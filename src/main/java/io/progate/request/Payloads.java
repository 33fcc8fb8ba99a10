package io.progate.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.progate.pro.model.AppUpdate;
import io.progate.pro.model.PublishMetadata;
import io.progate.team.PolicyChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one codec between a request's JSON text columns ({@code payload}, {@code outcome}) and their
 * types. A payload holds, by request type, a {@link PublishMetadata} (PUBLISH), an {@link AppUpdate}
 * (UPDATE), a {@link TaskFields} (TASK), a {@link PolicyChange} (POLICY) or {@code {}} (DELETE): the very value PRO is sent, so
 * what is stored, shown and executed is one thing. Views, before/after, access history and
 * execution all read it back here.
 */
@ApplicationScoped
public class Payloads {

    @Inject
    ObjectMapper json;

    /** The JSON text to store; {@code {}} for no body. */
    public String write(Object body) {
        if (body == null) {
            return "{}";
        }
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request's body cannot be written as JSON", e);
        }
    }

    /** A PUBLISH request's metadata. */
    public PublishMetadata publish(String payload) {
        return read(payload, PublishMetadata.class);
    }

    /** An UPDATE request's changes. */
    public AppUpdate update(String payload) {
        return read(payload, AppUpdate.class);
    }

    /** A TASK request's service and whether it runs on the version tagged latest. */
    public TaskFields task(String payload) {
        return read(payload, TaskFields.class);
    }

    /** A POLICY request's change: the policy when filed and as asked. */
    public PolicyChange policy(String payload) {
        return read(payload, PolicyChange.class);
    }

    /** The stored text as a JSON tree, for the API's views; a text node when it is not JSON. */
    public JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(text);
        }
    }

    /** JSON text indented for people; the text itself when it is not JSON. */
    public String pretty(String text) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(text));
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    private <T> T read(String payload, Class<T> type) {
        try {
            return json.readValue(payload, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadablePayloadException(type, e);
        }
    }

    /** A stored body that does not read as its type: data written outside ProGate, never a user's input. */
    public static class UnreadablePayloadException extends IllegalStateException {

        UnreadablePayloadException(Class<?> type, Exception cause) {
            super("a request's stored " + type.getSimpleName() + " cannot be read", cause);
        }
    }
}
