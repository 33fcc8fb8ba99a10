package io.progate.pro.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/** What to create: a key name, its expiry date (at most a year ahead) and its scopes. */
public record NewApiKey(
        String name,
        @JsonProperty("expiration_date") LocalDate expirationDate,
        List<String> scopes) {
}
