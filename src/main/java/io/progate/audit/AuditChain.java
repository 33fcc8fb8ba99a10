package io.progate.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.progate.common.Hashes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/** The canonical form of an event and its hash; the same code writes and verifies the chain. */
public final class AuditChain {

    /** The hash that the first event of the log points back to. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private AuditChain() {
    }

    /** Details as JSON with keys sorted at every level. */
    public static String canonicalJson(Map<String, ?> details) {
        try {
            return CANONICAL.writeValueAsString(CANONICAL.convertValue(details, Map.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("audit details must be plain JSON values", e);
        }
    }

    /** Re-canonicalises JSON read back from the database, whose jsonb may reorder keys. */
    public static String canonicalJson(String json) {
        try {
            JsonNode tree = CANONICAL.readTree(json);
            return CANONICAL.writeValueAsString(CANONICAL.treeToValue(tree, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored audit details are not JSON", e);
        }
    }

    public static String hash(AuditEvent e) {
        String canonical = String.join("\n",
                e.prevHash,
                format(e.occurredAt),
                e.actor,
                nullToEmpty(e.sourceIp),
                e.teamId == null ? "" : e.teamId.toString(),
                e.action,
                e.targetType,
                e.targetId,
                e.outcome.name(),
                canonicalJson(e.details));
        return HexFormat.of().formatHex(Hashes.sha256().digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private static String format(Instant instant) {
        return String.valueOf(instant.getEpochSecond()) + "." + String.format("%06d", instant.getNano() / 1000);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
