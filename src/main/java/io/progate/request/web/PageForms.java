package io.progate.request.web;

import io.progate.common.InvalidInputException;
import io.progate.packages.Upload;
import io.progate.request.AuthorizationEntry;
import io.progate.request.PublishFields;
import io.progate.request.RequestValidation;
import io.progate.request.Submission;
import io.progate.request.UpdateFields;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the fields of the request pages into submissions (the same rules then apply as for the API). */
final class PageForms {

    private PageForms() {
    }

    static Submission publish(RequestForm f, Upload file, Upload icon) {
        Map<String, String> attributes = attributes(f.attributes(), "metadata.attributes");
        attributes.put(RequestValidation.IS_WEB_UI, String.valueOf(f.webUi()));
        if (f.iconUrl() != null && !f.iconUrl().isBlank()) {
            attributes.put(RequestValidation.ICON_URL_KEY, f.iconUrl().trim());
        }
        Integer behavior = parseBehavior(f.publishBehavior());
        boolean newApp = behavior == null || behavior == PublishFields.NEW_APP;
        PublishFields metadata = new PublishFields(f.name(), f.description(), f.projectVersion(), f.aimmsVersionId(),
                f.projectCategory(), attributes, behavior, newApp ? null : f.name(), newApp ? null : f.oldProjectVersion(),
                null);
        return new Submission("PUBLISH", f.reason(), metadata, null, null, null, file, icon, f.devBuilds());
    }

    static Submission update(RequestForm f, MultivaluedMap<String, String> raw) {
        String description = blankToNull(f.description());
        String category = blankToNull(f.projectCategory());
        Map<String, String> attributes = attributeChange(f);
        List<AuthorizationEntry> authorizations = f.replaceAuthorizations() ? authorizations(raw, f.authorizations()) : null;
        UpdateFields changes = new UpdateFields(description, category, f.makeLatest() ? Boolean.TRUE : null, attributes,
                authorizations, null);
        return new Submission("UPDATE", f.reason(), null, f.appName(), f.appVersion(),
                changes.isEmpty() ? null : changes, null, null);
    }

    static Submission delete(RequestForm f) {
        return new Submission("DELETE", f.reason(), null, f.appName(), f.appVersion(), null, null, null);
    }

    /**
     * The change to the version's attributes the update form asks for: the typed keys, isWebUI when
     * chosen, iconUrl when given; and when the form was filled from PRO, every key it showed that is
     * gone now is removed (null). Null when nothing is asked.
     */
    static Map<String, String> attributeChange(RequestForm f) {
        Map<String, String> change = attributes(f.attributes(), "changes.attributes");
        String webUi = blankToNull(f.webUiChoice());
        if (webUi != null) {
            change.put(RequestValidation.IS_WEB_UI, webUi);
        }
        String icon = blankToNull(f.iconUrl());
        if (icon != null) {
            change.put(RequestValidation.ICON_URL_KEY, icon.trim());
        }
        if (f.attributesShown() != null) {
            for (String key : f.attributesShown().split(",")) {
                String k = key.trim();
                boolean keptWebUi = k.equals(RequestValidation.IS_WEB_UI) && webUi == null;
                if (!k.isEmpty() && !change.containsKey(k) && !keptWebUi) {
                    change.put(k, null);
                }
            }
        }
        return change.isEmpty() ? null : change;
    }

    /** {@code key=value}, one per line. */
    static Map<String, String> attributes(String text, String field) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null) {
            return map;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException(field, "one key=value per line");
            }
            map.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
        return map;
    }

    /**
     * The editor's selects ({@code auth.<entity>.read|write|execute} = grant or deny), then any
     * lines of the free-text box ({@code <entity id> grant|deny read,write,execute}).
     */
    static List<AuthorizationEntry> authorizations(MultivaluedMap<String, String> raw, String text) {
        Map<Long, int[]> masks = new java.util.TreeMap<>();
        raw.forEach((key, values) -> {
            String[] parts = key.split("\\.");
            if (parts.length != 3 || !parts[0].equals("auth") || values.isEmpty()) {
                return;
            }
            long entity;
            try {
                entity = Long.parseLong(parts[1]);
            } catch (NumberFormatException e) {
                return;
            }
            int bit = bit(parts[2]);
            String choice = values.get(0);
            if (bit > 0 && ("grant".equals(choice) || "deny".equals(choice))) {
                masks.computeIfAbsent(entity, k -> new int[2])["grant".equals(choice) ? 0 : 1] |= bit;
            }
        });
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+");
                try {
                    long entity = Long.parseLong(parts[0]);
                    int index = parts[1].equalsIgnoreCase("grant") ? 0 : parts[1].equalsIgnoreCase("deny") ? 1 : -1;
                    int mask = 0;
                    for (String right : parts[2].split(",")) {
                        mask |= bit(right.trim().toLowerCase(Locale.ROOT));
                    }
                    if (index < 0 || mask == 0) {
                        throw new IllegalArgumentException();
                    }
                    masks.computeIfAbsent(entity, k -> new int[2])[index] |= mask;
                } catch (RuntimeException e) {
                    throw new InvalidInputException("authorizations",
                            "one rule per line: <entity id> grant|deny read,write,execute");
                }
            }
        }
        List<AuthorizationEntry> entries = new ArrayList<>();
        masks.forEach((entity, m) -> {
            if (m[0] != 0) {
                entries.add(new AuthorizationEntry(m[0], false, entity));
            }
            if (m[1] != 0) {
                entries.add(new AuthorizationEntry(m[1], true, entity));
            }
        });
        return entries;
    }

    private static int bit(String right) {
        switch (right) {
            case "read":
            case "r":
                return AuthorizationEntry.READ;
            case "write":
            case "w":
                return AuthorizationEntry.WRITE;
            case "execute":
            case "x":
                return AuthorizationEntry.EXECUTE;
            default:
                return 0;
        }
    }

    private static Integer parseBehavior(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
