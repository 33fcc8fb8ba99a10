package io.progate.request.web;

import io.progate.pro.model.ProApp;
import io.progate.request.RequestValidation;
import java.util.List;
import java.util.Map;

/**
 * Pick lists and current values of a request form, from the team's PRO account; a null list means
 * PRO could not be read and the form falls back to a plain input. {@code devBuilds}: the AIMMS
 * versions include development builds. For an update: the version as PRO holds it now
 * ({@code current}, null with {@code currentProblem} saying why) and the access editor.
 */
public record FormChoices(List<String> aimmsVersions, boolean devBuilds, List<String> categories, List<ProApp> versions,
        ProApp current, String currentProblem, AccessEditor access, boolean hasKey) {

    public static FormChoices none(boolean hasKey) {
        return new FormChoices(null, false, null, null, null, null, null, hasKey);
    }

    /** The current attributes other than the reserved isWebUI and iconUrl, as {@code key=value} lines. */
    public String otherAttributes() {
        if (current == null || current.attributes() == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> e : current.attributes().entrySet()) {
            if (!RequestValidation.IS_WEB_UI.equals(e.getKey()) && !RequestValidation.ICON_URL_KEY.equals(e.getKey())) {
                text.append(e.getKey()).append('=').append(e.getValue()).append('\n');
            }
        }
        return text.toString();
    }

    /** The keys of the current attributes, comma-separated: the form sends them back to tell removals. */
    public String attributeKeys() {
        return current == null || current.attributes() == null ? "" : String.join(",", current.attributes().keySet());
    }

    public String currentAttribute(String key) {
        return current == null || current.attributes() == null ? null : current.attributes().get(key);
    }
}
