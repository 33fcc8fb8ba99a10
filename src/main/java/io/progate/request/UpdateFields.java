package io.progate.request;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The fields of PRO's app-version update, with PRO's names; null fields stay unchanged. An empty
 * authorizations list removes every permission; isLatest can only be true.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdateFields(
        String description,
        String projectCategory,
        @JsonProperty("isLatest") Boolean isLatest,
        Map<String, String> attributes,
        List<AuthorizationEntry> authorizations,
        String resourceProfile) {

    public boolean isEmpty() {
        return description == null && projectCategory == null && isLatest == null && attributes == null
                && authorizations == null && resourceProfile == null;
    }
}
