package io.progate.pro.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One version of an app as PRO describes it (publish, get, list and update answer with it). Read
 * tolerantly: unknown fields are ignored, missing ones stay null or false. {@code authorizations}
 * is null unless PRO sends the access list, which documented versions of PRO do not.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProApp(
        String name,
        String projectVersion,
        String description,
        String aimmsVersionId,
        String projectCategory,
        Map<String, String> attributes,
        @JsonProperty("isLatest") boolean isLatest,
        boolean hidden,
        String publishedAt,
        List<Authorization> authorizations) {
}
