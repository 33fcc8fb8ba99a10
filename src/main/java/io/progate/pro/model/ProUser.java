package io.progate.pro.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A user-manager user; {@code id} is the numeric entity id app authorizations use (may be null). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProUser(
        Long id,
        @JsonProperty("account_name") String accountName,
        @JsonProperty("environment_name") String environmentName,
        @JsonProperty("user_name") String userName,
        String email,
        @JsonProperty("full_name") String fullName,
        List<String> groups) {
}
