package io.progate.pro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * How a failed PRO call is described, in one place: the readable message per status, which
 * failures are transient, and how PRO's body is cut short and scrubbed of secrets.
 */
final class ProFailures {

    static final int EXCERPT_LENGTH = 300;
    private static final int FIRST_BYTES = 80;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECRET_FIELDS = Pattern.compile(
            "(?i)(\"(?:value|apikey|api_key|key|token|password|secret)\"\\s*:\\s*\")[^\"]*(\")");
    private static final Pattern SECRET_HEADERS = Pattern.compile("(?i)((?:apikey|authorization)\\s*[:=]\\s*)\\S+");

    private ProFailures() {
    }

    static ProException of(Throwable failure, ProAccount account, String what) {
        ProHttpFailure http = find(failure, ProHttpFailure.class);
        if (http != null) {
            return answered(http.status, http.body, account, what);
        }
        ProException already = find(failure, ProException.class);
        if (already != null) {
            return already;
        }
        if (isTimeout(failure)) {
            return new ProException(0, "PRO (" + account.proUrl() + ") did not answer " + what + " in time", "", true);
        }
        if (find(failure, ConnectException.class) != null) {
            return new ProException(0, "could not connect to PRO (" + account.proUrl() + ") for " + what, "", true);
        }
        if (find(failure, IOException.class) != null || failure instanceof jakarta.ws.rs.ProcessingException) {
            return new ProException(0, "the connection to PRO (" + account.proUrl() + ") broke off during " + what,
                    "", true);
        }
        return new ProException(0, "calling PRO (" + account.proUrl() + ") for " + what + " failed: "
                + scrub(String.valueOf(failure.getMessage()), account.apiKey()), "", false);
    }

    /**
     * PRO (or something in front of it) answered, but not in a form ProGate can read: not transient,
     * never retried, and not held against the account's circuit breaker.
     */
    static ProException notUnderstood(int status, String contentType, String body, ProAccount account, String what,
            String reason) {
        String first = cut(scrub(body == null ? "" : body, account.apiKey()).replaceAll("\\s+", " ").trim(), FIRST_BYTES);
        String type = contentType == null || contentType.isBlank() ? "none" : scrub(contentType, account.apiKey());
        String message = ProException.NOT_UNDERSTOOD + " (status " + status + ", content type " + type + ", first bytes \""
                + first + "\") for " + what + ": " + reason;
        return new ProException(status, message, excerpt(body, account.apiKey()), false);
    }

    static ProException answered(int status, String body, ProAccount account, String what) {
        String excerpt = excerpt(body, account.apiKey());
        String detail = proMessage(body, account.apiKey());
        String message = describe(status) + " (" + status + ") for " + what + (detail.isEmpty() ? "" : ": " + detail);
        return new ProException(status, message, excerpt, isTransient(status));
    }

    /** decided: connection trouble and these statuses may pass; everything else will not by itself. */
    static boolean isTransient(int status) {
        return status == 0 || status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
    }

    static String describe(int status) {
        switch (status) {
            case 400: return "PRO refused the request as invalid";
            case 401: return "PRO did not accept the API key (missing, unknown or expired)";
            case 403: return "the API key lacks the scope PRO requires";
            case 404: return "PRO does not know this resource";
            case 405: return "PRO does not allow this in the resource's current state";
            case 409: return "PRO reports a conflict with what exists";
            case 429: return "PRO asks to slow down";
            case 502: case 503: case 504: return "PRO is unavailable";
            default: return status >= 500 ? "PRO failed" : "PRO refused the request";
        }
    }

    /** PRO's own {@code message} (or {@code error}, {@code detail}), scrubbed; empty when none. */
    private static String proMessage(String body, String apiKey) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode node = JSON.readTree(body);
            for (String field : new String[] {"message", "error", "detail"}) {
                if (node != null && node.hasNonNull(field) && node.get(field).isTextual()) {
                    return cut(scrub(node.get(field).asText(), apiKey), 200);
                }
            }
        } catch (IOException notJson) {
            // the excerpt still shows what came back
        }
        return "";
    }

    static String excerpt(String body, String apiKey) {
        return body == null ? "" : cut(scrub(body, apiKey).replaceAll("\\s+", " ").trim(), EXCERPT_LENGTH);
    }

    static String scrub(String text, String apiKey) {
        String scrubbed = text;
        if (apiKey != null && apiKey.length() >= 4) {
            scrubbed = scrubbed.replace(apiKey, "***");
        }
        scrubbed = SECRET_FIELDS.matcher(scrubbed).replaceAll("$1***$2");
        return SECRET_HEADERS.matcher(scrubbed).replaceAll("$1***");
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    private static <E extends Throwable> E find(Throwable failure, Class<E> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
