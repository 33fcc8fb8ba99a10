package io.progate.request;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * PRO's publish metadata, with PRO's field names: what a publish request will send as the
 * {@code metadata} part. publishBehavior 0 is a new app, 1 a new version keeping the old one
 * visible, 2 a new version hiding the old one (then oldProjectName/oldProjectVersion name it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PublishFields(
        String name,
        String description,
        String projectVersion,
        String aimmsVersionId,
        String projectCategory,
        Map<String, String> attributes,
        Integer publishBehavior,
        String oldProjectName,
        String oldProjectVersion,
        String resourceProfile) {

    public static final int NEW_APP = 0;
    public static final int NEW_VERSION_KEEP_OLD = 1;
    public static final int NEW_VERSION_HIDE_OLD = 2;

    public String webUiClaim() {
        return attributes == null ? null : attributes.get("isWebUI");
    }
}
