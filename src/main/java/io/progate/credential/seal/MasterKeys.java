package io.progate.credential.seal;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The configured master keys ({@code PROGATE_MASTER_KEYS}: {@code id=base64 of 32 bytes}, comma-separated)
 * and the id of the one that wraps new data keys ({@code PROGATE_ACTIVE_MASTER_KEY}). Parsing errors
 * name the entry and the rule it breaks, never the key material; neither does {@link #toString()}.
 */
public final class MasterKeys {

    static final int KEY_BYTES = 32;
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");

    private final Map<String, SecretKey> keys;
    private final String activeId;

    private MasterKeys(Map<String, SecretKey> keys, String activeId) {
        this.keys = Collections.unmodifiableMap(keys);
        this.activeId = activeId;
    }

    /** Parses both settings; throws {@link MasterKeyException} with a readable reason when they are unusable. */
    public static MasterKeys parse(String list, String activeId) {
        if (list == null || list.isBlank()) {
            throw new MasterKeyException("no master keys (set PROGATE_MASTER_KEYS to id=base64 of 32 random bytes)");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String[] entries = list.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            int eq = entry.indexOf('=');
            String where = "PROGATE_MASTER_KEYS entry " + (i + 1);
            if (eq <= 0) {
                throw new MasterKeyException(where + " is not of the form id=base64");
            }
            String id = entry.substring(0, eq).trim();
            if (!ID.matcher(id).matches()) {
                throw new MasterKeyException(where + " has an invalid id (use 1 to 64 letters, digits, '.', '_' or '-')");
            }
            if (keys.containsKey(id)) {
                throw new MasterKeyException(where + " repeats the id '" + id + "'");
            }
            keys.put(id, decode(where + " (id '" + id + "')", entry.substring(eq + 1).trim()));
        }
        if (activeId == null || activeId.isBlank()) {
            throw new MasterKeyException("no active master key (set PROGATE_ACTIVE_MASTER_KEY to one of the ids in PROGATE_MASTER_KEYS)");
        }
        if (!keys.containsKey(activeId.trim())) {
            String shown = ID.matcher(activeId.trim()).matches() ? "'" + activeId.trim() + "'" : "(not a valid id)";
            throw new MasterKeyException("the active master key " + shown
                    + " is not among the ids in PROGATE_MASTER_KEYS " + keys.keySet());
        }
        return new MasterKeys(keys, activeId.trim());
    }

    private static SecretKey decode(String where, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new MasterKeyException(where + " is not valid base64");
        }
        try {
            if (bytes.length != KEY_BYTES) {
                throw new MasterKeyException(where + " is " + bytes.length + " bytes long; a master key must be "
                        + KEY_BYTES + " bytes (44 base64 characters)");
            }
            return new SecretKeySpec(bytes, "AES");
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0);
        }
    }

    public String activeId() {
        return activeId;
    }

    public SecretKey active() {
        return keys.get(activeId);
    }

    /** The key with this id; {@link MasterKeyException} when it is not configured (any more). */
    public SecretKey require(String id) {
        return Optional.ofNullable(keys.get(id)).orElseThrow(() -> new MasterKeyException(
                "master key '" + id + "' is not configured; add it back to PROGATE_MASTER_KEYS (configured: "
                        + keys.keySet() + ")"));
    }

    public Set<String> ids() {
        return keys.keySet();
    }

    @Override
    public String toString() {
        return "MasterKeys[ids=" + keys.keySet() + ", active=" + activeId + "]";
    }
}
