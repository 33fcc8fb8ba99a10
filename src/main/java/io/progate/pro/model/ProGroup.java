package io.progate.pro.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A user-manager group; {@code id} is the numeric entity id app authorizations use (may be null). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProGroup(
        Long id,
        @JsonProperty("account_name") String accountName,
        @JsonProperty("environment_name") String environmentName,
        @JsonProperty("group_name") String groupName) {
}
