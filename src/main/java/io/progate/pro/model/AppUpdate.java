package io.progate.pro.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A change to one app version, with PRO's field names: what an update request is filed with,
 * stores and sends. Null fields are left out and stay unchanged. {@code isLatest} can only be true
 * (it moves the latest tag here); an empty {@code authorizations} list removes all permissions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
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

    /** True when the update changes nothing (not a field: PRO never gets it). */
    @JsonIgnore
    public boolean isEmpty() {
        return description == null && projectCategory == null && isLatest == null && attributes == null
                && authorizations == null && resourceProfile == null;
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
