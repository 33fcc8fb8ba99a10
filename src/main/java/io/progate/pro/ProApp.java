package io.progate.pro;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** One version of an app as PRO describes it (publish, get, list and update answer with it). */
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
        String publishedAt) {
}
