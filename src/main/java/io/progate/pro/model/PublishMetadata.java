package io.progate.pro.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The {@code metadata} part of a publish. {@code publishBehavior}: 0 (or null) a new publish,
 * 1 a new version keeping the old one visible, 2 a new version hiding the old one; 1 and 2 name
 * the old version in {@code oldProjectName}/{@code oldProjectVersion}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record PublishMetadata(
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

    public static final int NEW_PUBLISH = 0;
    public static final int NEW_VERSION_KEEP_OLD = 1;
    public static final int NEW_VERSION_HIDE_OLD = 2;

    /** A first publish in category {@code other} with no attributes. */
    public static PublishMetadata of(String name, String projectVersion, String aimmsVersionId) {
        return new PublishMetadata(name, "", projectVersion, aimmsVersionId, "other", Map.of(), null, null, null, null);
    }

    public PublishMetadata withCategory(String category) {
        return new PublishMetadata(name, description, projectVersion, aimmsVersionId, category, attributes,
                publishBehavior, oldProjectName, oldProjectVersion, resourceProfile);
    }

    public PublishMetadata withDescription(String text) {
        return new PublishMetadata(name, text, projectVersion, aimmsVersionId, projectCategory, attributes,
                publishBehavior, oldProjectName, oldProjectVersion, resourceProfile);
    }

    public PublishMetadata withAttributes(Map<String, String> map) {
        return new PublishMetadata(name, description, projectVersion, aimmsVersionId, projectCategory, map,
                publishBehavior, oldProjectName, oldProjectVersion, resourceProfile);
    }

    /** Publish as a new version of {@code oldName}/{@code oldVersion} with behaviour 1 or 2. */
    public PublishMetadata replacing(int behavior, String oldName, String oldVersion) {
        return new PublishMetadata(name, description, projectVersion, aimmsVersionId, projectCategory, attributes,
                behavior, oldName, oldVersion, resourceProfile);
    }
}
