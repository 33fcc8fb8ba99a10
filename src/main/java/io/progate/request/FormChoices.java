package io.progate.request;

import io.progate.pro.ProApp;
import java.util.List;

/**
 * Pick lists of a request form, from the team's PRO account; a null list means PRO could not be
 * read and the form falls back to a plain input.
 */
public record FormChoices(List<String> aimmsVersions, List<String> categories, List<ProApp> versions,
        List<ProCatalog.Entity> entities, boolean hasKey) {
}
