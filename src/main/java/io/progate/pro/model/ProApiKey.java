package io.progate.pro.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A PRO API key. {@code value} is only present in the answer to its creation, and never appears
 * in {@link #toString()}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProApiKey(
        String name,
        @JsonProperty("expiration_date") String expirationDate,
        List<String> scopes,
        String value) {

    @Override
    public String toString() {
        return "ProApiKey[" + name + ", expires " + expirationDate + ", scopes " + scopes
                + (value == null ? "" : ", value=***") + "]";
    }
}
