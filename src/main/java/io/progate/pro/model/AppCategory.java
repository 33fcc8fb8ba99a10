package io.progate.pro.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An app category; {@code other} always exists. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppCategory(String id, String value) {
}
