package io.progate.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a webhook post in each {@link WebhookFormat}: ProGate's JSON (every field), Slack's
 * incoming-webhook {@code text} with a link, or a Teams message carrying an Adaptive Card with an
 * "Open in ProGate" action (what Teams workflows' incoming webhooks accept).
 */
final class WebhookPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookPayloads() {
    }

    static byte[] body(WebhookFormat format, Delivery d) {
        Object payload;
        switch (format) {
            case SLACK:
                payload = Map.of("text", slackEscape(d.message) + " <" + d.link + "|Open in ProGate>");
                break;
            case TEAMS:
                payload = teams(d);
                break;
            default:
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("id", d.id);
                json.put("event", d.event);
                json.put("kind", d.kind.name());
                json.put("teamId", d.teamId);
                json.put("requestId", d.requestId);
                json.put("text", d.message);
                json.put("link", d.link);
                json.put("createdAt", d.createdAt.toString());
                payload = json;
        }
        try {
            return JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook body cannot be written", e);
        }
    }

    private static Map<String, Object> teams(Delivery d) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        card.put("body", List.of(Map.of("type", "TextBlock", "text", d.message, "wrap", true)));
        card.put("actions", List.of(Map.of("type", "Action.OpenUrl", "title", "Open in ProGate", "url", d.link)));
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.put("content", card);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "message");
        message.put("summary", d.message);
        message.put("attachments", List.of(attachment));
        return message;
    }

    /** Slack's three control characters in message text. */
    static String slackEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
