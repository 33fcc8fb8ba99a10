package io.progate.pro.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A change to one app version; null fields are left out and stay unchanged. {@code isLatest}
 * true moves the latest tag here; an empty {@code authorizations} list removes all permissions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record AppUpdate(
        String description,
        String projectCategory,
        @JsonProperty("isLatest") Boolean isLatest,
        Map<String, String> attributes,
        List<Authorization> authorizations,
        String resourceProfile) {

    public static AppUpdate none() {
        return new AppUpdate(null, null, null, null, null, null);
    }

    public AppUpdate withDescription(String value) {
        return new AppUpdate(value, projectCategory, isLatest, attributes, authorizations, resourceProfile);
    }

    public AppUpdate withCategory(String value) {
        return new AppUpdate(description, value, isLatest, attributes, authorizations, resourceProfile);
    }

    public AppUpdate makeLatest() {
        return new AppUpdate(description, projectCategory, Boolean.TRUE, attributes, authorizations, resourceProfile);
    }

    public AppUpdate withAttributes(Map<String, String> value) {
        return new AppUpdate(description, projectCategory, isLatest, value, authorizations, resourceProfile);
    }

    public AppUpdate withAuthorizations(List<Authorization> value) {
        return new AppUpdate(description, projectCategory, isLatest, attributes, value, resourceProfile);
    }
}
