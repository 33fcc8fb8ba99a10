package io.progate.pro.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An AIMMS version the account can run apps on, such as {@code 24.6.2.9-linux64-x86-vc143}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AimmsVersion(String id) {
}
