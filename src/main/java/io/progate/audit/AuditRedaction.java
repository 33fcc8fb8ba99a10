package io.progate.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A last line of defence, after the rule that callers never put secrets in details: values under
 * keys that name a secret (password, secret, API key, private or master key, authorization) are
 * replaced before the event is stored, at any depth.
 */
final class AuditRedaction {

    static final String REDACTED = "[redacted]";
    private static final List<String> SECRET_WORDS = List.of("password", "passwd", "secret", "apikey",
            "privatekey", "masterkey", "datakey", "authorization", "plaintext");

    private AuditRedaction() {
    }

    static Map<String, Object> strip(Map<String, ?> details) {
        Map<String, Object> clean = new LinkedHashMap<>();
        details.forEach((key, value) -> clean.put(key, isSecret(key) ? REDACTED : strip(value)));
        return clean;
    }

    @SuppressWarnings("unchecked")
    private static Object strip(Object value) {
        if (value instanceof Map<?, ?> map) {
            return strip((Map<String, ?>) map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AuditRedaction::strip).toList();
        }
        return value;
    }

    static boolean isSecret(String key) {
        String k = key == null ? "" : key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return SECRET_WORDS.stream().anyMatch(k::contains);
    }
}
